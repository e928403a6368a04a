-- wrk -s bench/national/percentiles.lua: prints p50, p95 and p99 (wrk's --latency has no p95) and the error count.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; %d requests, %.1f/s, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6), errors))
end
