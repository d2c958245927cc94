#!/usr/bin/env bash
# plancheck-server against its own OpenAPI document, on a live server (docs/server.md,
# "Schemathesis"): starts the debug build on a free loopback port with the example
# configuration, runs schemathesis (installed from PyPI when missing) with every check but
# positive_data_acceptance (see the docs for why), and fails on any failure or on a staging
# folder left behind. Not part of .ci/run: `swift test` already runs the server's tests.
#   Scripts/ci-server.sh            # 50 examples per operation
#   EXAMPLES=200 Scripts/ci-server.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES=${EXAMPLES:-50}
command -v schemathesis >/dev/null || pip install -q schemathesis
swift build --product plancheck-server 2>&1 | tail -n 1
LOG=$(mktemp)
"$(swift build --show-bin-path)/plancheck-server" --config Examples/server/server.yml --port 0 > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$LOG" && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*' "$LOG" | head -n 1)
curl -sf "${URL}healthz" > /dev/null
BEFORE=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'plancheck-server-*' | wc -l)
schemathesis run "${URL}api/v1/openapi.json" --checks all --exclude-checks positive_data_acceptance \
    --max-examples "$EXAMPLES" --seed 17
curl -sf "${URL}healthz" > /dev/null
AFTER=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'plancheck-server-*' | wc -l)
[ "$AFTER" -le "$BEFORE" ] || { echo "staging folders left behind: $((AFTER - BEFORE))" >&2; exit 1; }
echo "schemathesis: passed; the server still answers; no staging folder left"
