#!/usr/bin/env bash
# Times `plancheck check` on a 1 000 000-row task ledger as CSV (UTF-8 and GB18030) against the
# same records as YAML, with the same rules. Not part of `swift test` (it takes minutes).
#
#   Benchmarks/csv-1m.sh [ROWS]        # default 1000000; needs python3 and a release build
#
# Output: one line per input with wall time and peak memory (from /usr/bin/time when present).
set -euo pipefail
ROWS="${1:-1000000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${PLANCHECK_BENCH_DIR:-$ROOT/bench-out/csv-1m}"
mkdir -p "$WORK"
cd "$ROOT"
swift build -c release --product plancheck >/dev/null
BIN="$(swift build -c release --show-bin-path)/plancheck"

python3 - "$ROWS" "$WORK" <<'PY'
import sys, os
rows, out = int(sys.argv[1]), sys.argv[2]
units = ["市发展改革委", "市科工贸信委", "市文体旅游局", "规划国土委", "港澳办", "金融办", "外办"]
header = "序号,任务,牵头单位,参加单位,责任人,完成时限,状态\n"
status = ["已完成", "进行中", "未开始"]
with open(os.path.join(out, "tasks.csv"), "w", encoding="utf-8") as csv, \
     open(os.path.join(out, "tasks.yaml"), "w", encoding="utf-8") as yaml:
    csv.write(header)
    yaml.write("tasks:\n")
    names = {"已完成": "done", "进行中": "in-progress", "未开始": "not-started"}
    for i in range(rows):
        lead = units[i % 7]
        parts = [units[(i + 1) % 7], units[(i + 3) % 7]]
        owner = "" if i % 10 == 0 else f"张{i % 97}"
        due = f"2011-{1 + i % 12:02d}-28"
        st = status[i % 3]
        csv.write(f"T{i},任务{i},{lead},\"{'、'.join(parts)}\",{owner},{due},{st}\n")
        yaml.write(f"  - id: T{i}\n    title: 任务{i}\n    lead: [{lead}]\n    participants: [{', '.join(parts)}]\n")
        if owner:
            yaml.write(f"    owner: {owner}\n")
        yaml.write(f"    due: {due}\n    status: {names[st]}\n")
with open(os.path.join(out, "tasks.csv"), encoding="utf-8") as src, open(os.path.join(out, "tasks-gb18030.csv"), "w", encoding="gb18030") as dst:
    dst.write(src.read())
with open(os.path.join(out, "rules.yml"), "w", encoding="utf-8") as f:
    f.write("""ruleset: bench
rules:
  - {id: owner, checker: required, target: "$.tasks[*]", fields: owner, severity: warning}
  - {id: lead, checker: required, target: "$.tasks[*]", fields: [lead, due]}
  - {id: id-unique, checker: unique, target: "$.tasks[*]", fields: id}
""")
PY

run() {
    local label="$1" file="$2"
    local start end
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M" -o "$WORK/mem" "$BIN" check "$file" --rules "$WORK/rules.yml" --format json --output "$WORK/out.json" --fail-on never --as-of 2011-12-31 || true
    else
        "$BIN" check "$file" --rules "$WORK/rules.yml" --format json --output "$WORK/out.json" --fail-on never --as-of 2011-12-31 || true
    fi
    end=$(date +%s.%N)
    local mem="?"
    [ -f "$WORK/mem" ] && mem="$(( $(cat "$WORK/mem") / 1024 )) MiB"
    printf '%-22s %8.2f s  peak %s  (%s bytes)\n' "$label" "$(echo "$end - $start" | bc)" "$mem" "$(stat -c %s "$file")"
}
echo "rows: $ROWS"
run "YAML"               "$WORK/tasks.yaml"
run "CSV (UTF-8)"        "$WORK/tasks.csv"
run "CSV (GB18030)"      "$WORK/tasks-gb18030.csv"
