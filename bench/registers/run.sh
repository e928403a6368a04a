#!/usr/bin/env bash
# Times the household import: 10,000 households of one commune for one year through the API (all or nothing,
# streaming read, set-wise writes), on a fresh embedded PostgreSQL with the demo data.
#   bench/registers/run.sh            # builds the jar, starts it in bench/registers/out, runs BenchHouseholds, stops it
# Prints the load average before and after, the workbook size and each import's time (goal: < 5 s each).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/registers/out
PORT=${PORT:-18097}
mkdir -p "$OUT"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT is in use: PORT=<free port> $0"; exit 1; fi

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt"
rm -rf "$OUT/pg" "$OUT/pg.lock" "$OUT/pg.password"
java -Xmx1g -jar target/ntm-tracker.jar --spring.profiles.active=demo --server.port="$PORT" \
  --ntm.embedded-db.dir="$OUT/pg" --logging.level.root=WARN --logging.level.vn.ntmtracker=INFO > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  kill -0 $APP 2>/dev/null || { echo "the application did not start:"; tail -40 "$OUT/app.log"; exit 1; }
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break; sleep 1
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -cp "$(cat "$OUT/cp.txt")" bench/registers/BenchHouseholds.java "http://127.0.0.1:$PORT" camlinh ntm-demo "${HOUSEHOLDS:-10000}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
