-- wrk script for Benchmarks/serve-load.sh: every request uploads $PLAN as one `file` part to
-- POST /api/v1/check and expects 200. Prints one JSON line with the counts and percentiles.
local f = assert(io.open(os.getenv("PLAN"), "rb"))
local data = f:read("*a")
f:close()
local boundary = "----plancheck-serve-load"
wrk.method = "POST"
wrk.path = "/api/v1/check"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = "--" .. boundary .. "\r\n" ..
  "Content-Disposition: form-data; name=\"file\"; filename=\"plan.yaml\"\r\n" ..
  "Content-Type: application/octet-stream\r\n\r\n" .. data .. "\r\n" ..
  "--" .. boundary .. "--\r\n"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"throughput":%.1f,"p50_ms":%.1f,"p90_ms":%.1f,"p99_ms":%.1f,"max_ms":%.1f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"body_bytes":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, #wrk.body))
end
