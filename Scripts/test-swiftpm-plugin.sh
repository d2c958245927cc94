#!/usr/bin/env bash
# Builds Examples/swiftpm-plugin against this checkout: the build must fail while a dataset has an
# error (with a diagnostic at the dataset line) and pass once it is fixed. One scratch build of
# the example (the second build is incremental), kept out of the repository's .build.
# PLANCHECK_PLUGIN_SCRATCH=DIR keeps the scratch build between runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scratch="${PLANCHECK_PLUGIN_SCRATCH:-$work/scratch}"

cp -R "$repo/Examples/swiftpm-plugin" "$work/example"
# The example depends on PlanCheck by relative path; the copy points at this checkout.
sed -i.orig "s|path: \"../..\"|path: \"$repo\"|" "$work/example/Package.swift"
dataset="$work/example/Sources/PlanModel/Plans/tasks.plan.yaml"
cp "$dataset" "$work/tasks.plan.yaml.orig"

# 1. T2 loses its owner: an error, so the build fails and names the line.
sed -i.bak 's/, owner: 李四//' "$dataset"
rm -f "$dataset.bak"
if swift build --package-path "$work/example" --scratch-path "$scratch" >"$work/broken.log" 2>&1; then
  cat "$work/broken.log"; echo "FAIL: the build passed with a dataset error" >&2; exit 1
fi
if ! grep -m1 "tasks.plan.yaml:4:5: error: .*\[task-owner-required\]" "$work/broken.log"; then
  cat "$work/broken.log"; echo "FAIL: no diagnostic at tasks.plan.yaml:4:5" >&2; exit 1
fi

# 2. Fixed (as shipped: one warning only): the build passes.
cp "$work/tasks.plan.yaml.orig" "$dataset"
if ! swift build --package-path "$work/example" --scratch-path "$scratch" >"$work/fixed.log" 2>&1; then
  cat "$work/fixed.log"; echo "FAIL: the build failed on a dataset without errors" >&2; exit 1
fi
echo "swiftpm plugin example: fails on a dataset error, passes when fixed"
