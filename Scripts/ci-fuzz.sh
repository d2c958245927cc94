#!/usr/bin/env bash
# CI's bounded fuzz step: builds the Fuzz/ package once, then runs every libFuzzer target for
# FUZZ_CI_SECONDS (default 12) on the seeds and saved regressions. Fails on a crash, an input
# slower than 10 s or memory above 2 GB (libFuzzer's -timeout and -rss_limit_mb); the input is
# left in .build-fuzz/findings/TARGET/ (FUZZ_SCRATCH) — add it to Fuzz/Regressions/TARGET/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_CI_SECONDS:-12}
# Release configuration with -Onone: a release build's whole-module optimisation of the
# instrumented library takes many minutes on two cores, and -Onone keeps it under four; the
# fuzz runs are still thousands of inputs a second. (SwiftPM links every executable with
# `main=TARGET_main`, in either configuration; Fuzz/Sources/FuzzEntry provides those.)
export FUZZ_CONFIG=${FUZZ_CONFIG:-release}
export FUZZ_SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
start=$(date +%s)
swift build -c "$FUZZ_CONFIG" --package-path Fuzz --scratch-path "$FUZZ_SCRATCH" -Xswiftc -Onone \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
echo "fuzz targets built in $(( $(date +%s) - start )) s"
targets=(yaml json jsonl csv tsv xlsx docx txt md expression jsonpath rules deadline)
failed=()
for target in "${targets[@]}"; do
  if FUZZ_NO_BUILD=1 Scripts/fuzz.sh "$target" "$seconds" > "$FUZZ_SCRATCH/ci-$target.log" 2>&1; then
    echo "fuzz $target: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$FUZZ_SCRATCH/ci-$target.log" | grep -o '[0-9]*$') inputs, no finding"
  else
    echo "fuzz $target: FAILED" >&2
    tail -n 30 "$FUZZ_SCRATCH/ci-$target.log" >&2
    failed+=("$target")
  fi
done
echo "fuzz step: $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
