#!/usr/bin/env bash
# Runs one libFuzzer target for a while: Scripts/fuzz.sh TARGET [SECONDS]
#   TARGET: yaml json jsonl csv tsv xlsx docx txt md (the dataset loader under that extension;
#           csv/tsv/txt include encoding detection: Fuzz/Seeds has GB18030, Big5, UTF-16 tables),
#           expression, jsonpath, rules, deadline
# Builds the Fuzz/ package with -sanitize=fuzzer,address (scratch .build-fuzz), seeds a corpus
# from Examples/ and the test fixtures, and stops with exit code 1 on a crash, an input slower
# than 10 s or memory above 2 GB. Findings are written to .build-fuzz/findings/TARGET/.
# Environment: FUZZ_NO_BUILD=1 skips the build; FUZZ_CONFIG=debug builds faster (slower runs).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-60}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
config=${FUZZ_CONFIG:-release}

case "$target" in
  expression) product=FuzzExpression; seeds="Rules Examples Tests/cel-differential" ; pattern='*.yml *.yaml *.txt *.json' ;;
  jsonpath) product=FuzzJSONPath; seeds="Rules Examples" ; pattern='*.yml *.yaml' ;;
  rules) product=FuzzRules; seeds="Rules Examples Benchmarks" ; pattern='*.yml *.yaml' ;;
  deadline) product=FuzzDeadline; seeds="Examples" ; pattern='*.yml *.yaml *.csv' ;;
  *) product=FuzzDataset; export FUZZ_EXTENSION="$target"; seeds="Examples Tests/PlanCheckTests/Fixtures Benchmarks Fuzz/Seeds" ; pattern="*.$target" ;;
esac

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  swift build -c "$config" --package-path Fuzz --scratch-path "$scratch" --product "$product" \
    -Xswiftc -Onone \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
fi
binary="$scratch/$config/$product"

corpus="$scratch/corpus/$target"
findings="$scratch/findings/$target"
mkdir -p "$corpus" "$findings"
# Seeds: files of the target's kind (at most 1 MB each), and the saved regression inputs.
for dir in $seeds; do
  [ -d "$dir" ] || continue
  for glob in $pattern; do
    find "$dir" -name "$glob" -size -1024k -type f -exec cp -n {} "$corpus/" \; 2>/dev/null || true
  done
done
if [ -d "Fuzz/Regressions/$target" ]; then cp -n Fuzz/Regressions/"$target"/* "$corpus/" 2>/dev/null || true; fi
# Text targets read one expression, path or deadline per input: seed them line by line.
case "$target" in
  expression|jsonpath|deadline) python3 Fuzz/seed-lines.py "$target" "$corpus" ;;
esac

ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$binary" "$corpus" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=262144 \
  -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tail -n 40
