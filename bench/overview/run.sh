#!/usr/bin/env bash
# HTTP benchmark of the subtree overview at national scale, and timing of the bulk imports.
#   bench/overview/run.sh            # builds the jar, starts it on a fresh embedded PostgreSQL in bench/out/pg,
#                                    # loads 1,000 communes + 10,000 villages x 5 years through the API, then wrk
# Needs: wrk (apt-get install -y wrk). Prints import timings and wrk latency percentiles.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out
PORT=${PORT:-18080}
PASSWORD=bench-admin-password
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt"
rm -rf "$OUT/pg" "$OUT/pg.lock"
NTM_ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar target/ntm-tracker.jar --server.port="$PORT" \
  --ntm.embedded-db.dir="$OUT/pg" --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 1; done

java -cp "$(cat "$OUT/cp.txt")" bench/overview/BenchData.java "http://127.0.0.1:$PORT" admin "$PASSWORD"

BASIC=$(printf 'admin:%s' "$PASSWORD" | base64)
TOKEN=$(curl -fs -H "Authorization: Basic $BASIC" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$PORT/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
URL="http://127.0.0.1:$PORT/api/assessments/overview?unit=BENCH&set=QD318-2022-XA-NTM&asOf=2025-12-31"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL" -o "$OUT/overview.json"; head -c 400 "$OUT/overview.json"; echo
echo "overview response: $(wc -c < "$OUT/overview.json") bytes"
echo "warm-up"; wrk -t2 -c4 -d10s -H "Authorization: Bearer $TOKEN" "$URL" > /dev/null
echo "measured: 1,000 communes x 19 criteria, latest of 5 years of rounds, personal API token"
wrk -t1 -c1 -d20s --latency -H "Authorization: Bearer $TOKEN" "$URL"
wrk -t2 -c4 -d30s --latency -H "Authorization: Bearer $TOKEN" "$URL"
echo "the same with HTTP Basic (bcrypt on every call)"
wrk -t2 -c4 -d20s --latency -H "Authorization: Basic $BASIC" "$URL"
