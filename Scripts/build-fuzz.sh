#!/usr/bin/env bash
# Builds the libFuzzer executable (package Fuzz/, product PlanCheckFuzz): Scripts/build-fuzz.sh [SCRATCH]
# (default .build-fuzz).
# Release configuration with -Onone: a release build's whole-module optimisation of the
# instrumented library takes many minutes on two cores, and -Onone cuts it to a fraction; the
# runs are still hundreds to thousands of inputs a second. Only Swift code is instrumented
# (-Xswiftc); libyaml and zlib are the system's. docs/reliability.md, "Building the targets".
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build-fuzz}
swift build -c release --package-path Fuzz --scratch-path "$scratch" --product PlanCheckFuzz \
  -Xswiftc -Onone -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
