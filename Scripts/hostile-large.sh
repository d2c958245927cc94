#!/usr/bin/env bash
# The hostile inputs too large for the test suite's debug binary, run through a release
# `plancheck` as a user runs it: Scripts/hostile-large.sh [BINARY]  (default .build/release/plancheck)
# Each must be answered within 10 s and 1 GiB of address space with exit code 0, 1 or 2 (never a
# signal or the watchdog's 137). Prints one line per input: status, seconds, first message.
# The smaller hostile corpus runs in `swift test` (Tests/PlanCheckTests/Reliability/).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/plancheck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'ruleset: t\nrules:\n  - {id: lead, checker: required, target: "$.tasks[*]", fields: lead}\n' > rules.yml
python3 - <<'PY'
import sys
def write(name, text): open(name, "w", encoding="utf-8").write(text)
write("one-line-50mb.txt", "一、" + "市发展改革委牵头推进，" * (50 * 1024 * 1024 // 33))
write("one-line-50mb-ascii.txt", "a" * (50 * 1024 * 1024))
write("wide-1m-columns.csv", ",".join("c%d" % i for i in range(1_000_000)) + "\n")
write("wide-1m-fields.csv", "id,lead\nT1,a" + "," * 1_000_000 + "\n")
write("anchors-100k.yaml", "tasks:\n" + "".join("  - &a%d {id: T%d, lead: a}\n" % (i, i) for i in range(100_000)))
write("rules-100k.yml", "ruleset: r\nrules:\n" + "".join("  - {id: r%d, checker: required, target: '$.tasks[*]', fields: lead}\n" % i for i in range(100_000)))
write("good.yaml", "tasks:\n  - {id: T1, lead: a}\n")
PY
status=0
run() {
  local label=$1; shift
  local start end rc=0 out
  start=$(date +%s.%N)
  out=$( (ulimit -v 1048576; exec timeout -s KILL 10 "$binary" check "$@") 2>&1 ) || rc=$?
  end=$(date +%s.%N)
  printf '%-26s exit %-3s %6.2f s  %s\n' "$label" "$rc" "$(echo "$end - $start" | bc)" "$(echo "$out" | grep -m1 -E 'error|errors' | cut -c1-110)"
  [ "$rc" -le 2 ] || status=1
}
for file in one-line-50mb.txt one-line-50mb-ascii.txt wide-1m-columns.csv wide-1m-fields.csv anchors-100k.yaml; do
  run "$file" --rules rules.yml "$file"
done
run rules-100k.yml --rules rules-100k.yml good.yaml
exit $status
