#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and ThreadSanitizer, each in its own scratch folder
# so the normal `.build` is untouched. Usage: Scripts/sanitize.sh [address|thread ...]
# Slow: each sanitizer rebuilds everything (about 25 minutes each on two shared cores).
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)
# SANITIZE_FILTER=Suite runs only the matching tests (for a quick look).
extra=()
[ -n "${SANITIZE_FILTER:-}" ] && extra=(--filter "$SANITIZE_FILTER")
status=0
for sanitizer in "${sanitizers[@]}"; do
  case "$sanitizer" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer: $sanitizer (address or thread)" >&2; exit 2 ;;
  esac
  echo "== swift test --sanitize=$sanitizer (scratch $scratch)"
  start=$(date +%s)
  # halt_on_error: the first report fails the run; detect_leaks=0: Swift's runtime keeps
  # metadata caches alive on purpose, which LeakSanitizer would report as leaks.
  if ASAN_OPTIONS=halt_on_error=1:detect_leaks=0 TSAN_OPTIONS=halt_on_error=1 \
     swift test --sanitize="$sanitizer" --scratch-path "$scratch" ${extra[@]+"${extra[@]}"}; then
    echo "== $sanitizer: passed in $(( $(date +%s) - start )) s"
  else
    echo "== $sanitizer: FAILED after $(( $(date +%s) - start )) s" >&2
    status=1
  fi
done
exit $status
