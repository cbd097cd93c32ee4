-- wrk script for scripts/loadtest.sh: POSTs the pages named on the command
-- line (after --) to /v1/extract, rotating over them, and prints the
-- figures the load test reports.
local bodies = {}
local n = 0

function init(args)
  for _, path in ipairs(args) do
    local f = assert(io.open(path, "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  assert(#bodies > 0, "no pages given")
  -- Start each thread at a different page.
  n = math.random(#bodies) - 1
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/v1/extract?format=json", { ["Content-Type"] = "text/html" }, bodies[n])
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests        %d in %.1fs\n", summary.requests, secs))
  io.write(string.format("requests/s      %.1f\n", summary.requests / secs))
  io.write(string.format("MB/s read       %.2f\n", summary.bytes / secs / 1e6))
  io.write(string.format("latency p50     %.1f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p90     %.1f ms\n", latency:percentile(90) / 1000))
  io.write(string.format("latency p99     %.1f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max     %.1f ms\n", latency.max / 1000))
  io.write(string.format("errors          non-2xx %d, connect %d, read %d, write %d, timeout %d\n",
    e.status, e.connect, e.read, e.write, e.timeout))
end
