#!/usr/bin/env bash
# Times `plancheck import` of a synthetic 300-page plan (about 10 000 numbered items, each with
# its units and a deadline, as offices write them) against reading the same file's bytes, the
# floor any reader pays. Bar (issue 12): well under a second in a release build.
# Not part of `swift test`.
#
#   Benchmarks/import-300-pages.sh [ACTIONS]     # default 50 actions × 20 measures × 10 steps
#   PLANCHECK_BIN=.build/debug/plancheck Benchmarks/import-300-pages.sh 5   # a quick smoke run
#
# Output: one line per input — CPU seconds (user+sys, from /usr/bin/time when present, else wall),
# and the ratio of import to reading the bytes.
set -euo pipefail
ACTIONS="${1:-50}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${PLANCHECK_BENCH_DIR:-$ROOT/bench-out/import-300-pages}"
mkdir -p "$WORK"
cd "$ROOT"
if [ -z "${PLANCHECK_BIN:-}" ]; then
    swift build -c release --product plancheck >/dev/null
    PLANCHECK_BIN="$(swift build -c release --show-bin-path)/plancheck"
fi

SIZE=$(python3 - "$ACTIONS" "$WORK/plan.txt" <<'PY'
import sys
actions, out = int(sys.argv[1]), sys.argv[2]
units = ["市发展改革委", "市科工贸信委", "市文体旅游局", "市规划国土委", "港澳办", "金融办", "外办", "各区（新区）政府"]
cn = "一二三四五六七八九十"
def chinese(n):
    if n <= 10: return cn[n - 1]
    if n < 20: return "十" + cn[n - 11]
    return cn[n // 10 - 1] + "十" + (cn[n % 10 - 1] if n % 10 else "")
lines = ["某某市推进国际化城市建设行动纲要（2021—2025年）", "（2021年5月12日）", "一、总体要求", "坚持统筹推进，分步实施。", "二、主要任务"]
items = 0
for a in range(1, actions + 1):
    lead, parts = units[a % 8], "、".join(units[(a + k) % 8] for k in (1, 2, 3))
    lines.append(f"（{chinese(a) if a <= 99 else a}）行动计划{a}：推进第{a}项重点工作。（牵头单位：{lead}；参加单位：{parts}）")
    items += 1
    for m in range(1, 21):
        lines.append(f"{m}. 完善第{a}.{m}项工作机制，建立健全配套制度，加强统筹协调和督促检查，{2021 + m % 5}年{1 + m % 12}月底前完成。")
        items += 1
        for s in range(1, 11):
            lines.append(f"（{s}）落实第{a}.{m}.{s}项具体措施，细化分工，明确责任，按季度报送工作进展情况。（责任单位：{units[(a + m + s) % 8]}）")
            items += 1
lines.append("三、保障措施")
lines.append("加强组织领导，强化督查考核。")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"{items} items, {sum(len(l.encode()) for l in lines)} bytes")
PY
)

# The same plan as a Word document: one paragraph per line (labels typed, as in plan.txt),
# deflated as Word writes its parts.
python3 - "$WORK/plan.txt" "$WORK/plan.docx" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>' for l in lines)
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
PY

cpu() { # prints CPU seconds of "$@" (stdout discarded)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%U %S" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
        awk '{ printf "%.3f", $1 + $2 }' "$WORK/time"
    else
        local start end
        start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
    fi
}
# Reading the bytes is below the timer's resolution once: read them 100 times and divide.
read_bytes() { # CPU seconds of reading the file once, from 100 reads
    local t
    t=$(cpu sh -c 'for i in $(seq 100); do cat "$1" >/dev/null; done' sh "$1")
    awk -v t="$t" 'BEGIN { printf "%.4f", t / 100 }'
}
# The fastest of three runs: the build machine is shared, and others' load only adds time.
best() {
    local a b c
    a=$(cpu "$@"); b=$(cpu "$@"); c=$(cpu "$@")
    printf "%s\n%s\n%s\n" "$a" "$b" "$c" | sort -n | head -1
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f×", a / b; else printf "n/a" }'; }
echo "plan.txt: $SIZE; plan.docx: $(wc -c < "$WORK/plan.docx") bytes"
for doc in plan.txt plan.docx; do
    bytes=$(read_bytes "$WORK/$doc")
    import_json=$(best "$PLANCHECK_BIN" import "$WORK/$doc" --format json --output "$WORK/$doc.json" --quiet)
    echo "$doc  read bytes (cat)         ${bytes}s"
    echo "$doc  plancheck import --json  ${import_json}s  ($(ratio "$import_json" "$bytes") reading the bytes)"
done
check=$(best "$PLANCHECK_BIN" check "$WORK/plan.txt" --rules "$ROOT/Benchmarks/rules.yml" --format json --output "$WORK/out.json" --fail-on never --as-of 2021-12-31)
echo "plan.txt  plancheck check          ${check}s"
