#!/usr/bin/env bash
# Runs one libFuzzer target for a while: Scripts/fuzz.sh TARGET [SECONDS]
#   TARGET: yaml json jsonl csv tsv xlsx docx txt md (the dataset loader under that extension;
#           csv/tsv/txt include encoding detection: Fuzz/Seeds has GB18030, Big5, UTF-16 tables),
#           expression, jsonpath, rules, deadline
# Builds the Fuzz/ package (one executable, PlanCheckFuzz, target chosen by FUZZ_TARGET) with
# -sanitize=fuzzer,address in scratch .build-fuzz, seeds a corpus from Examples/, the test
# fixtures and Fuzz/Regressions/TARGET/, and stops with exit code 1 on a crash, an input slower
# than 10 s or memory above 2 GB. Findings are written to .build-fuzz/findings/TARGET/.
# Environment:
#   FUZZ_NO_BUILD=1      skip the build (Scripts/ci-fuzz.sh builds once for all targets)
#   FUZZ_SCRATCH=DIR     scratch folder (.build-fuzz)
#   FUZZ_CORPUS=DIR      corpus folder, grown by the run (default $FUZZ_SCRATCH/corpus/TARGET)
#   FUZZ_SEED=N FUZZ_RUNS=N  a reproducible run: libFuzzer's -seed and -runs (inputs to try)
#   FUZZ_SEED_MAX_KB=N   largest seed file copied (1024)
#   FUZZ_TIMEOUT=S       seconds one input may take (10); libFuzzer measures wall time, so on a
#                        machine loaded many times over its cores a long run may raise it and
#                        replay its slowest inputs afterwards (docs/reliability.md)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-60}
scratch=${FUZZ_SCRATCH:-.build-fuzz}

case "$target" in
  expression) seeds="Rules Examples Tests/cel-differential" ; pattern='*.yml *.yaml *.txt *.json' ;;
  jsonpath) seeds="Rules Examples" ; pattern='*.yml *.yaml' ;;
  rules) seeds="Rules Examples Benchmarks" ; pattern='*.yml *.yaml' ;;
  deadline) seeds="Examples" ; pattern='*.yml *.yaml *.csv' ;;
  yaml|json|jsonl|csv|tsv|xlsx|docx|txt|md) seeds="Examples Tests/PlanCheckTests/Fixtures Benchmarks Fuzz/Seeds" ; pattern="*.$target" ;;
  *) echo "unknown target $target (yaml json jsonl csv tsv xlsx docx txt md expression jsonpath rules deadline)" >&2; exit 2 ;;
esac
export FUZZ_TARGET="$target"

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  Scripts/build-fuzz.sh "$scratch" >&2
fi
binary="$scratch/release/PlanCheckFuzz"

corpus=${FUZZ_CORPUS:-$scratch/corpus/$target}
findings="$scratch/findings/$target"
mkdir -p "$corpus" "$findings"
# Seeds: files of the target's kind, and the saved regression inputs.
for dir in $seeds; do
  [ -d "$dir" ] || continue
  for glob in $pattern; do
    find "$dir" -name "$glob" -size -"${FUZZ_SEED_MAX_KB:-1024}"k -type f -exec cp -n {} "$corpus/" \; 2>/dev/null || true
  done
done
if [ -d "Fuzz/Regressions/$target" ]; then cp -n Fuzz/Regressions/"$target"/* "$corpus/" 2>/dev/null || true; fi
# Text targets read one expression, path or deadline per input: seed them line by line.
case "$target" in
  expression|jsonpath|deadline) python3 Fuzz/seed-lines.py "$target" "$corpus" ;;
esac

repeatable=()
[ -n "${FUZZ_SEED:-}" ] && repeatable+=(-seed="$FUZZ_SEED")
[ -n "${FUZZ_RUNS:-}" ] && repeatable+=(-runs="$FUZZ_RUNS")
# SWIFT_DETERMINISTIC_HASHING: Swift seeds its hashing per process, which changes dictionary
# order and so the coverage libFuzzer sees; fixed, a seeded run tries the same inputs each time.
SWIFT_DETERMINISTIC_HASHING=1 ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$binary" "$corpus" \
  -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -report_slow_units=5 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=262144 \
  ${repeatable[@]+"${repeatable[@]}"} -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | grep -v "^\"" | tail -n 40
