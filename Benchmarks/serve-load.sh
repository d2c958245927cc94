#!/usr/bin/env bash
# The server load benchmark (issue 17, docs/performance.md "The server under load"):
# CLIENTS concurrent clients (default 50) upload a N-task plan (default 1 000) to
# POST /api/v1/check for DURATION seconds (default 30) on loopback. Prints throughput, p50/p90/p99
# latency, errors (must be 0) and the server's peak memory; writes bench-out/serve-load.json.
#   Benchmarks/serve-load.sh            # 50 clients, 1 000 tasks, 30 s
#   CLIENTS=10 DURATION=10 N=10000 Benchmarks/serve-load.sh
#   BUILD=debug Benchmarks/serve-load.sh   # the debug build (no release build needed; slower)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-30}
N=${N:-1000}
OUT=bench-out/serve-load
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null; }
python3 Benchmarks/generate.py "$N" "$OUT/data" >/dev/null
BUILD=${BUILD:-release}
swift build -c "$BUILD" --product plancheck-server 2>&1 | tail -n 1
BIN=$(swift build -c "$BUILD" --show-bin-path)/plancheck-server
cat > "$OUT/server.yml" <<YAML
ruleSets:
  - {name: bench, label: benchmark, config: $PWD/Benchmarks/plancheck.yml}
limits: {maxConcurrentChecks: $(nproc), timeoutSeconds: 60}
YAML
"$BIN" --config "$OUT/server.yml" --port 0 > "$OUT/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$OUT/server.log" 2>/dev/null && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*' "$OUT/server.log" | head -n 1)
# One request first: the answer must be a report, and it is what every later answer must equal.
curl -sf -F "file=@$OUT/data/plan.yaml" "${URL}api/v1/check" > "$OUT/first.json"
echo "findings per answer: $(python3 -c "import json,sys; print(len(json.load(open('$OUT/first.json'))['findings']))")"
export BUILD
THREADS=$(( $(nproc) < 4 ? $(nproc) : 4 ))
PLAN="$OUT/data/plan.yaml" wrk -t"$THREADS" -c"$CLIENTS" -d"${DURATION}s" --timeout 30s -s Benchmarks/serve-load.lua "$URL" | tee "$OUT/wrk.txt"
PEAK_KB=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)
RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
# After the load the server still answers, and the same bytes as before it.
curl -sf -F "file=@$OUT/data/plan.yaml" "${URL}api/v1/check" | cmp - "$OUT/first.json"
LEFT=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'plancheck-server-*' | wc -l)
python3 - "$OUT" "$PEAK_KB" "$RSS_KB" "$CLIENTS" "$N" "$LEFT" <<'PY'
import json, sys
out, peak, rss, clients, n, left = sys.argv[1:]
line = next(l for l in open(f"{out}/wrk.txt") if l.startswith("RESULT "))
result = json.loads(line[len("RESULT "):])
result.update({"build": __import__("os").environ.get("BUILD", "release"), "clients": int(clients), "tasks": int(n), "peak_rss_mib": round(int(peak) / 1024, 1),
               "rss_after_mib": round(int(rss) / 1024, 1), "staging_folders_left": int(left)})
json.dump(result, open(f"{out}.json", "w"), indent=2)
errors = sum(result["errors"].values())
print(f"{clients} clients, {n}-task plan, {result['seconds']:.0f} s: {result['requests']} requests, "
      f"{result['throughput']:.1f}/s, p50 {result['p50_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms, "
      f"errors {errors}, peak memory {result['peak_rss_mib']} MiB, staging folders left {left}")
sys.exit(1 if errors else 0)
PY
