#!/usr/bin/env bash
# Proves that a release tarball runs where Swift is not: unpacks it in a bare Debian root
# (debootstrap --variant=minbase bookworm: no Swift, no libyaml, no libxml2, no ICU) and runs
# every example there with chroot, comparing output and exit code byte for byte with the source
# build (`swift build -c release`, dynamically linked) run the same way on this machine. Then
# reports both binaries' sizes and their start-up time on the benchmark's 50-task file.
#
#   Scripts/test-release-chroot.sh [TARBALL]   (default: the newest in .build-release/dist)
#
# SOURCE_CONFIGURATION=debug compares with the debug source build instead (quicker to build when
# none is at hand; outputs must still be identical, start-up times are then not comparable).
#
# Needs root (chroot) and Debian's archive (debootstrap is installed when missing). The root is
# cached in .build-chroot/bookworm, so reruns take seconds; delete that folder to rebuild it.
# The summary is printed and kept in .build-chroot/last-result.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="$ROOT/.build-chroot"
JAIL="$CACHE/bookworm"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

TARBALL="${1:-$(ls -t "$ROOT"/.build-release/dist/plancheck-*-linux-x86_64.tar.gz 2>/dev/null | head -1)}"
if [ -z "$TARBALL" ] || [ ! -f "$TARBALL" ]; then
  echo "no release tarball: run Scripts/release.sh VERSION first, or pass the tarball's path" >&2
  exit 2
fi
TARBALL="$(cd "$(dirname "$TARBALL")" && pwd)/$(basename "$TARBALL")"
if [ "$(id -u)" -ne 0 ]; then echo "chroot needs root" >&2; exit 2; fi

# The checksum the release published, as a user would check it.
if [ -f "$(dirname "$TARBALL")/SHA256SUMS" ]; then
  (cd "$(dirname "$TARBALL")" && sha256sum -c --ignore-missing --quiet SHA256SUMS)
  echo "checksum: ok"
fi

if [ ! -d "$JAIL" ]; then
  if ! command -v debootstrap >/dev/null; then
    apt-get install -y debootstrap >/dev/null || { apt-get update >/dev/null && apt-get install -y debootstrap >/dev/null; }
  fi
  echo "creating a bare Debian root in $JAIL (minutes; cached afterwards)"
  rm -rf "$JAIL.partial"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase bookworm "$JAIL.partial" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { echo "debootstrap failed; see $CACHE/debootstrap.log" >&2; exit 1; }
  mv "$JAIL.partial" "$JAIL"
fi
# Bare means bare: none of what the source build needs may be there.
for absent in swift swiftc python3; do
  if chroot "$JAIL" /bin/sh -c "command -v $absent" >/dev/null 2>&1; then echo "the root has $absent: not a bare system" >&2; exit 1; fi
done
if ls "$JAIL"/usr/lib/x86_64-linux-gnu/ | grep -qE '^lib(yaml|xml2|icuuc|swiftCore|Foundation)'; then
  echo "the root has libyaml, libxml2, ICU or Swift libraries: not a bare system" >&2; exit 1
fi

# The source build, the way a developer gets it.
CONFIGURATION="${SOURCE_CONFIGURATION:-release}"
echo "building the source build (swift build -c $CONFIGURATION)"
swift build -c "$CONFIGURATION" --package-path "$ROOT" --product plancheck 2>&1 | grep -E "error:" || true
SOURCE_BIN="$ROOT/.build/$CONFIGURATION/plancheck"
[ -x "$SOURCE_BIN" ] || { echo "the source build failed" >&2; exit 1; }

# The same work folder for both, at the same absolute path (some messages name absolute paths):
# the examples and the 50-task file, outside any git repository (reports name paths relative
# to the repository around them).
WORK="$(mktemp -d)"
DATA="$WORK/work"
trap 'rm -rf "$WORK"; umount "$JAIL/proc" 2>/dev/null || true; rm -rf "${JAIL:?}${WORK:?}" "$JAIL/opt/plancheck"' EXIT
mkdir -p "$WORK/work" "$WORK/host-out" "$WORK/jail-out"
cp -r "$ROOT/Examples" "$WORK/work/Examples"
cp "$ROOT/Benchmarks/rules.yml" "$ROOT/Benchmarks/plancheck.yml" "$WORK/work/"
python3 "$ROOT/Benchmarks/generate.py" 50 "$WORK/work/bench50" >/dev/null

rm -rf "$JAIL/opt/plancheck"
mkdir -p "$JAIL/opt/plancheck" "$JAIL$WORK"
# Every Linux system and container has /proc; a statically linked Swift program reads its
# command-line arguments from /proc/self/cmdline, so the root gets one too.
mountpoint -q "$JAIL/proc" || mount -t proc proc "$JAIL/proc"
tar -xzf "$TARBALL" -C "$JAIL/opt/plancheck" --strip-components=1
cp -r "$DATA" "$JAIL$DATA"
RELEASE_BIN="$JAIL/opt/plancheck/plancheck"

# Every example with a configuration; each report format of `check`, and the audit.
COMMANDS=()
for config in "$WORK"/work/Examples/*/.plancheck.yml; do
  name="$(basename "$(dirname "$config")")"
  for format in text json sarif junit github markdown csv xcode codeclimate; do
    COMMANDS+=("$name.check.$format|check --config Examples/$name/.plancheck.yml --format $format")
  done
  COMMANDS+=("$name.audit|audit --config Examples/$name/.plancheck.yml --format text")
  COMMANDS+=("$name.rules|rules list --config Examples/$name/.plancheck.yml")
done
for folder in "$ROOT"/Examples/*/; do
  [ -f "$folder/.plancheck.yml" ] || echo "not run: Examples/$(basename "$folder") has no .plancheck.yml (it needs a Swift toolchain)"
done
COMMANDS+=("bench50.check|check --config plancheck.yml --format json --fail-on never bench50/plan.yaml")

# A fixed, minimal environment for both sides: no colour, no locale, no user configuration.
ENVIRONMENT=(env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8)
compared=0; differing=0
for entry in "${COMMANDS[@]}"; do
  label="${entry%%|*}"; args="${entry#*|}"
  # shellcheck disable=SC2086  # args are whitespace-separated words without quoting
  host_status=0; (cd "$WORK/work" && "${ENVIRONMENT[@]}" "$SOURCE_BIN" $args) >"$WORK/host-out/$label.out" 2>"$WORK/host-out/$label.err" || host_status=$?
  # shellcheck disable=SC2086
  jail_status=0; chroot "$JAIL" "${ENVIRONMENT[@]}" /bin/sh -c "cd $DATA && /opt/plancheck/plancheck $args" \
    >"$WORK/jail-out/$label.out" 2>"$WORK/jail-out/$label.err" || jail_status=$?
  compared=$((compared + 1))
  if [ "$host_status" != "$jail_status" ] || ! cmp -s "$WORK/host-out/$label.out" "$WORK/jail-out/$label.out" \
     || ! cmp -s "$WORK/host-out/$label.err" "$WORK/jail-out/$label.err"; then
    differing=$((differing + 1))
    echo "DIFFERS: $label (exit $host_status from the source build, $jail_status in the bare root)"
    diff "$WORK/host-out/$label.out" "$WORK/jail-out/$label.out" | head -10 || true
    diff "$WORK/host-out/$label.err" "$WORK/jail-out/$label.err" | head -10 || true
  fi
done
if [ "$(cat "$WORK/host-out/shenzhen-2011.check.text.out" | wc -c)" -eq 0 ]; then
  echo "the shenzhen example printed nothing: the comparison proves nothing" >&2; exit 1
fi

# Start-up: the mean wall time of 20 runs on the 50-task file, each side in its own setting.
RUNS=20
BENCH_ARGS="check --config plancheck.yml --format json --fail-on never bench50/plan.yaml"
# shellcheck disable=SC2016
TIMER='start=$(date +%s%N); i=0; while [ $i -lt '$RUNS' ]; do $0 '"$BENCH_ARGS"' >/dev/null; i=$((i+1)); done; end=$(date +%s%N); echo $(( (end - start) / '$RUNS' / 1000000 ))'
host_ms="$(cd "$WORK/work" && "${ENVIRONMENT[@]}" /bin/sh -c "$TIMER" "$SOURCE_BIN")"
jail_ms="$(chroot "$JAIL" "${ENVIRONMENT[@]}" /bin/sh -c "cd $DATA && $TIMER" /opt/plancheck/plancheck)"
host_libs="$(ldd "$SOURCE_BIN" | wc -l)"
jail_libs="$(chroot "$JAIL" ldd /opt/plancheck/plancheck | awk '{print $1}' | tr '\n' ' ')"
size() { du -k "$1" | cut -f1 | awk '{printf "%.1f MB", $1 / 1024}'; }

RESULT="$CACHE/last-result.md"
{
  echo "Release check of $(basename "$TARBALL") ($(date -u +%Y-%m-%d), $("${ENVIRONMENT[@]}" "$RELEASE_BIN" --version 2>/dev/null || chroot "$JAIL" /opt/plancheck/plancheck --version))"
  echo
  echo "- bare root: Debian bookworm, debootstrap --variant=minbase (no Swift, libyaml, libxml2, ICU or Python)"
  echo "- outputs compared: $compared commands (every example × 9 check formats, audit, rules list; the 50-task file), $differing differing in bytes or exit code"
  echo "- the release binary loads only: $jail_libs"
  echo
  echo "| | size | start-up on the 50-task file (mean of $RUNS runs) | shared libraries |"
  echo "|---|---|---|---|"
  echo "| release (static Swift runtime), in the bare root | $(size "$RELEASE_BIN") (tarball $(size "$TARBALL")) | $jail_ms ms | $(echo "$jail_libs" | wc -w) |"
  echo "| source build (swift build -c $CONFIGURATION), on the build machine | $(size "$SOURCE_BIN") | $host_ms ms | $host_libs |"
} | tee "$RESULT"

if [ "$differing" -ne 0 ]; then echo "FAILED: $differing of $compared outputs differ" >&2; exit 1; fi
echo "PASSED: all $compared outputs and exit codes are identical"
