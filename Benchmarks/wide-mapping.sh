#!/usr/bin/env bash
# Times loading a mapping of KEYS keys (a registry keyed by id) against the same entries
# written as a list of one-key mappings, in YAML and JSON. Loading must stay linear in the
# number of keys (issue 16): the mapping may take at most twice the list's time.
#
#   Benchmarks/wide-mapping.sh [KEYS]   # default 200000; needs python3 and a release build
#
# Output: wall time of `plancheck check` per file and the mapping/list ratio
# (docs/reliability.md records a run).
set -euo pipefail
KEYS="${1:-200000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${PLANCHECK_BENCH_DIR:-$ROOT/bench-out/wide-mapping}"
mkdir -p "$WORK"
cd "$ROOT"
if [ -z "${PLANCHECK_BIN:-}" ]; then
  swift build -c release --product plancheck >/dev/null
  PLANCHECK_BIN="$(swift build -c release --show-bin-path)/plancheck"
fi

python3 - "$KEYS" "$WORK" <<'PY'
import sys, os, json
keys, out = int(sys.argv[1]), sys.argv[2]
entries = [(f"T{i:06d}", f"单位{i % 97}") for i in range(keys)]
with open(os.path.join(out, "map.yaml"), "w", encoding="utf-8") as f:
    f.write("registry:\n" + "".join(f"  {k}: {v}\n" for k, v in entries))
with open(os.path.join(out, "list.yaml"), "w", encoding="utf-8") as f:
    f.write("registry:\n" + "".join(f"  - {k}: {v}\n" for k, v in entries))
with open(os.path.join(out, "map.json"), "w", encoding="utf-8") as f:
    f.write('{"registry": {' + ",".join(f'"{k}": "{v}"' for k, v in entries) + "}}")
with open(os.path.join(out, "list.json"), "w", encoding="utf-8") as f:
    f.write('{"registry": [' + ",".join(f'{{"{k}": "{v}"}}' for k, v in entries) + "]}")
with open(os.path.join(out, "rules.yml"), "w", encoding="utf-8") as f:
    f.write("ruleset: wide\nrules:\n  - {id: none, checker: required, target: '$.tasks[*]', fields: id}\n")
PY

seconds() {
  local start end
  start=$(date +%s.%N)
  "$PLANCHECK_BIN" check --rules "$WORK/rules.yml" "$1" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}
best() { # best of three runs: the machine is shared
  local a b c
  a=$(seconds "$1"); b=$(seconds "$1"); c=$(seconds "$1")
  python3 -c "print(min($a, $b, $c))"
}
for format in yaml json; do
  map=$(best "$WORK/map.$format")
  list=$(best "$WORK/list.$format")
  ratio=$(python3 -c "print(f'{$map / $list:.2f}')")
  echo "$format: $KEYS-key mapping ${map} s, same entries as a list ${list} s, ratio $ratio"
done
