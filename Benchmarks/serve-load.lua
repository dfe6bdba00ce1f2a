-- wrk script for Benchmarks/serve-load.sh: POSTs indexed documents' texts to /api/match, each
-- connection cycling through the request bodies (one JSON object per line of the file given
-- after `--`), and prints requests/s, latency percentiles and errors.
local bodies = {}
local next_body = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  for line in io.lines(args[1]) do
    bodies[#bodies + 1] = line
  end
  -- Threads start at different places so they do not send the same texts in step.
  next_body = math.random(#bodies)
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[next_body])
end

function done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.1f s = %.0f requests/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
    errors.connect + errors.read + errors.write + errors.timeout + errors.status,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
