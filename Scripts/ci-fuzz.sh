#!/usr/bin/env bash
# CI's bounded fuzz step (called by .ci/run): builds the one fuzz executable, then gives every
# target a reproducible run — libFuzzer's -seed=1, a fixed number of inputs (FUZZ_CI_RUNS), a
# fresh corpus of the seeds (up to 64 KB each) and the saved regressions
# (Fuzz/Regressions/TARGET/), and Swift's deterministic hashing — so the step tries the same
# inputs on every run and cannot fail one day and pass the next. FUZZ_CI_RUNS overrides the
# number of inputs for every target. Fails on a crash, an input slower than 10 s or memory above 2 GB
# (libFuzzer's -timeout and -rss_limit_mb); the input is left in $FUZZ_SCRATCH/findings/TARGET/ —
# add it to Fuzz/Regressions/TARGET/ once fixed. FUZZ_CI_SECONDS (60) only caps a run's time on
# a slow machine. The long, random runs are Scripts/fuzz.sh TARGET 600 (docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
start=$(date +%s)
mkdir -p "$FUZZ_SCRATCH"
Scripts/build-fuzz.sh "$FUZZ_SCRATCH" > "$FUZZ_SCRATCH/build.log" 2>&1 || { tail -n 40 "$FUZZ_SCRATCH/build.log" >&2; exit 1; }
echo "fuzz executable built in $(( $(date +%s) - start )) s"
# Inputs per target: a few seconds' worth each on the two-core machine (the targets differ a
# hundredfold in speed: a JSONPath parse against a whole plan document's recognition).
declare -A runs=([yaml]=9000 [json]=15000 [jsonl]=30000 [csv]=3000 [tsv]=3000 [xlsx]=3000 [docx]=1200
  [txt]=900 [md]=1200 [expression]=9000 [jsonpath]=60000 [rules]=1500 [deadline]=900)
targets=(yaml json jsonl csv tsv xlsx docx txt md expression jsonpath rules deadline)
failed=()
for target in "${targets[@]}"; do
  corpus="$FUZZ_SCRATCH/ci-corpus/$target"
  rm -rf "$corpus"
  log="$FUZZ_SCRATCH/ci-$target.log"
  if FUZZ_NO_BUILD=1 FUZZ_CORPUS="$corpus" FUZZ_SEED=1 FUZZ_RUNS="${FUZZ_CI_RUNS:-${runs[$target]}}" FUZZ_SEED_MAX_KB=64 \
     Scripts/fuzz.sh "$target" "${FUZZ_CI_SECONDS:-60}" > "$log" 2>&1; then
    echo "fuzz $target: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') inputs, no finding"
  else
    echo "fuzz $target: FAILED" >&2
    tail -n 30 "$log" >&2
    failed+=("$target")
  fi
done
echo "fuzz step: $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
