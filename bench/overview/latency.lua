-- wrk -s bench/overview/latency.lua: one machine-readable line with p50/p95/p99/max in ms (two decimals), request
-- count, rate and errors (connect/read/write/timeout, and non-2xx/3xx statuses), after wrk's own report.
-- Adapted from bench/national/percentiles.lua on branch operations (which rounds to whole ms).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK p50=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d rps=%.1f errors=%d non2xx=%d sockerr=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    e.connect + e.read + e.write + e.status + e.timeout, e.status, e.connect + e.read + e.write + e.timeout))
end
