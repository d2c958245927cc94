#!/usr/bin/env bash
# The PlanCheck benchmark, from a fresh machine to the table (docs/performance.md).
#
#   Benchmarks/run.sh [N ...]          default: 10000 100000
#   REPS=5 Benchmarks/run.sh 10000     repetitions per tool (default 3)
#   Benchmarks/csv-1m.sh               a 1 000 000-row ledger as YAML, CSV and GB18030 CSV
#   SKIP=opa,pyyaml Benchmarks/run.sh  leave tools out (scan, plancheck, opa, pyyaml, pyyaml-gc-off, jsonschema-rs)
#
# Everything it installs or writes goes under bench-out/ (git-ignored): the Python peers in a
# venv, the wheels, the scan binary, the datasets, results.md and results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/bench-out}
REPS=${REPS:-3}
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- 10000 100000

say() { printf '==> %s\n' "$*" >&2; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
APT_UPDATED=""
apt_install() {
    if ! command -v apt-get >/dev/null; then
        say "missing $*; install it with your package manager"; exit 1
    fi
    [ -n "$APT_UPDATED" ] || { $SUDO apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# --- system tools: GNU time (peak RSS), a C compiler, libyaml, python3 with venv --------------
[ -x /usr/bin/time ] || { say "installing GNU time"; apt_install time; }
command -v gcc >/dev/null || { say "installing gcc"; apt_install gcc libc6-dev; }
if ! { [ -f /usr/include/yaml.h ] || pkg-config --exists yaml-0.1 2>/dev/null; }; then
    say "installing libyaml-dev"; apt_install libyaml-dev
fi
command -v python3 >/dev/null || { say "installing python3"; apt_install python3 python3-venv; }

# --- the Python peers, in a venv under bench-out/ ---------------------------------------------
VENV=$OUT/venv
if ! "$VENV/bin/python" -c 'import yaml, jsonschema_rs, opa_bindings; yaml.CSafeLoader' 2>/dev/null; then
    say "installing the Python peers into $VENV"
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; rm -rf "$VENV"; python3 -m venv "$VENV"; }
    fi
    "$VENV/bin/pip" install -q PyYAML jsonschema-rs
    "$VENV/bin/python" -c 'import yaml; yaml.CSafeLoader' || {
        say "PyYAML has no C loader here (libyaml missing at build time?)"; exit 1; }
    # opa-golib-python-bindings declares Python >= 3.14 but its wheel (ctypes + a Go shared
    # library) runs on older Pythons: fetch the 3.14 wheel and install it without the check.
    "$VENV/bin/pip" download -q --no-deps --python-version 3.14 --only-binary=:all: \
        opa-golib-python-bindings==0.4.4 -d "$OUT/wheels"
    "$VENV/bin/pip" install -q --no-deps --ignore-requires-python "$OUT"/wheels/opa_golib_python_bindings-*.whl
fi

# --- the floor: libyaml's event scan ----------------------------------------------------------
say "building the libyaml scan"
gcc -O2 -o "$OUT/scan" Benchmarks/scan.c -lyaml

# --- PlanCheck, release build ----------------------------------------------------------------
PLANCHECK=$ROOT/.build/release/plancheck
if command -v swift >/dev/null; then
    say "building PlanCheck (swift build -c release)"
    swift build -c release >"$OUT/swift-build.log" 2>&1 || { say "swift build failed: see $OUT/swift-build.log"; rm -f "$PLANCHECK"; }
else
    say "swift not found: the PlanCheck column stays pending"
fi

say "running: N = $*, REPS = $REPS"
EXTRA=()
[ -z "${SKIP:-}" ] || EXTRA+=(--skip "$SKIP")
exec "$VENV/bin/python" Benchmarks/bench.py --out "$OUT" --reps "$REPS" --plancheck "$PLANCHECK" \
    --python "$VENV/bin/python" "${EXTRA[@]}" "$@"
