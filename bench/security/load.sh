#!/usr/bin/env bash
# Load test of the API (issue 20): 200 concurrent clients for 60 s on loopback, token authentication, a mix of reads
# across modules (who am I, a unit, its rounds, its directive buckets, its plans). Reports wrk's latency percentiles
# and the number of errors (non-2xx responses and socket errors).
#   bench/security/load.sh                 # builds the jar, starts the demo on a fresh embedded PostgreSQL
#   CONNECTIONS=400 DURATION=30s bench/security/load.sh
# Needs: wrk (apt-get install -y wrk). Loopback only; the app and its database are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/security
PORT=${PORT:-18081}
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-60s}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }

[ -f target/ntm-tracker.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B -DskipTests package
rm -rf "$OUT/pg" "$OUT/pg.lock" "$OUT/pg.password"
SPRING_PROFILES_ACTIVE=demo java -Xmx1g -jar target/ntm-tracker.jar --server.port="$PORT" \
  --ntm.embedded-db.dir="$OUT/pg" --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break; sleep 1; done

BASIC=$(printf 'vpdp-hatinh:ntm-demo' | base64)
TOKEN=$(curl -fs -H "Authorization: Basic $BASIC" -H 'Content-Type: application/json' -d '{"name":"load"}' \
  "http://127.0.0.1:$PORT/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
cat > "$OUT/mix.lua" <<LUA
local paths = {
  "/api/me",
  "/api/units/HT-CAMQUANG",
  "/api/units/HT-CAMQUANG/assessments",
  "/api/directives/buckets?unit=HT-CAMQUANG&asOf=2024-05-01",
  "/api/units/HT-CAMLINH/plans",
  "/api/units?q=cam&page=0&size=20",
}
local i = 0
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %d requests, %d socket errors, %d non-2xx\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Authorization"] = "Bearer $TOKEN" })
end
LUA
echo "warm-up"; wrk -t2 -c20 -d10s -s "$OUT/mix.lua" "http://127.0.0.1:$PORT" > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "measured: $CONNECTIONS connections for $DURATION, token auth, 6 read endpoints in rotation"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$OUT/mix.lua" "http://127.0.0.1:$PORT" | tee "$OUT/wrk.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q "Non-2xx" "$OUT/wrk.txt" && echo "ERRORS: see Non-2xx above" || echo "errors: 0 non-2xx responses"
grep -i "error\|exception" "$OUT/app.log" | head -5 || true
