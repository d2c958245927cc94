#!/usr/bin/env bash
# What a `when:` costs: the same `required` rule over every task, with and without a CEL
# condition, side by side in one run (issue 4: a `when:` on 100 000 records must add well under
# the time the loader spends on them). Usage: Benchmarks/when-cost.sh [N] (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
OUT=bench-out/when
mkdir -p "$OUT"
[ -f "bench-out/data/$N/plan.yaml" ] || python3 Benchmarks/generate.py "$N" "bench-out/data/$N" >/dev/null
swift build -c release --product plancheck >/dev/null 2>&1
cat > "$OUT/plain.yml" <<'YAML'
ruleset: plain
rules:
  - {id: r, checker: required, target: '$.tasks[*]', fields: owner}
YAML
cat > "$OUT/when.yml" <<'YAML'
ruleset: when
rules:
  - {id: r, checker: required, target: '$.tasks[*]', fields: owner,
     when: "status != 'done' && size(lead) > 0 && !(id in ['T000000'])"}
YAML
cat > "$OUT/none.yml" <<'YAML'
ruleset: none
rules:
  - {id: r, checker: required, target: '$.nothing[*]', fields: owner}
YAML
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() {
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e" .build/release/plancheck check --jobs 1 --rules "$1" --fail-on never \
      "bench-out/data/$N/plan.yaml" 2>&1 >/dev/null | tail -1
  done | median
}
load=$(time_it "$OUT/none.yml"); plain=$(time_it "$OUT/plain.yml"); when=$(time_it "$OUT/when.yml")
echo "N=$N (medians of 5, --jobs 1): load only ${load}s; required ${plain}s; required + when ${when}s"
python3 -c "l,p,w=$load,$plain,$when; print(f'when adds {w-p:.3f}s = {(w-p)/max(l,1e-9)*100:.0f}% of the load time')"
