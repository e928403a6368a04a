#!/usr/bin/env bash
# Timing of generated documents at realistic size (issue 15, item 7):
#   bench/reports/run.sh     # builds the jar, starts it on a fresh embedded PostgreSQL in bench/out/reports-pg, loads a
#                            # province of 1,000 communes with two years of rounds and one commune with 240 directives,
#                            # a 110-task plan and funds through the API, then times the progress report (PDF, DOCX) and
#                            # the province summary (XLSX): medians of 10 and 5 calls after warm-up, with the load average.
# Targets: a ~20-page progress report < 2 s; a 1,000-commune summary < 5 s. Files land in bench/out/reports/.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out
PORT=${PORT:-18081}
PASSWORD=bench-admin-password
mkdir -p "$OUT/reports"

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt"
rm -rf "$OUT/reports-pg" "$OUT/reports-pg.lock"
NTM_ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar target/ntm-tracker.jar --server.port="$PORT" \
  --ntm.embedded-db.dir="$OUT/reports-pg" --logging.level.root=WARN > "$OUT/reports-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 1; done

java -cp "$(cat "$OUT/cp.txt")" bench/reports/ReportsBench.java "http://127.0.0.1:$PORT" admin "$PASSWORD" "$OUT/reports"
