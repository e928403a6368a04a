#!/usr/bin/env bash
# Home page server times on the benchmark data (issue 12: < 300 ms): 1,000 communes + 10,000 villages of province
# BENCH with five signed-off rounds each (bench/overview/BenchData.java, signed off in SQL as bench/overview/ratio.sh
# does), then the home page of a commune officer (B-X1), the province's coordination office and a leader, each signed in
# through the login form, 50 requests after 10 warm-up ones (bench/home/HomeTiming.java), on the loopback.
#   bench/home/run.sh              # builds the jar; SKIP_BUILD=1 reuses target/ntm-tracker.jar and bench/out/cp.txt
# Needs psql (postgresql-client). Prints load averages before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/home
PORT=${PORT:-18082}
PASSWORD=bench-admin-password
USER_PASSWORD=bench-user-password-1
command -v psql >/dev/null || { echo "psql missing: apt-get install -y postgresql-client"; exit 1; }
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/ntm-tracker.jar ] || [ ! -f bench/out/cp.txt ]; then
  ./mvnw -q -B -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=bench/out/cp.txt
fi
CP=$(cat bench/out/cp.txt)
rm -rf "$OUT/pg" "$OUT/pg.lock" "$OUT/pg.password"
NTM_ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar target/ntm-tracker.jar --server.port="$PORT" \
  --ntm.embedded-db.dir="$OUT/pg" --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do curl -fs -o /dev/null "$BASE/login" && break; sleep 1; done
java -cp "$CP" bench/overview/BenchData.java "$BASE" admin "$PASSWORD" > "$OUT/benchdata.txt"
DB_PORT=$(sed -n 4p "$OUT/pg/postmaster.pid")
export PGPASSWORD=$(cat "$OUT/pg.password")
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres)
"${PSQL[@]}" <<SQL
update assessment_round
   set status = case when achieved = total then 'APPRAISED' else 'VERIFIED' end,
       submitted_by = 'admin', submitted_at = now(), verified_by = 'admin', verified_at = now(),
       appraised_by = case when achieved = total then 'admin' end, appraised_at = case when achieved = total then now() end,
       updated_by = 'admin', updated_at = now(), version = version + 1
 where status = 'DRAFT' and not (as_of = date '2025-12-31' and id % 10 = 0);
vacuum analyze;
SQL
BASIC="Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64)"
for spec in "bench.canbo:COMMUNE_OFFICER:B-X1" "bench.vpdp:COORDINATION:BENCH" "bench.lanhdao:LEADER:BENCH"; do
  IFS=: read -r name role unit <<< "$spec"
  curl -fs -o /dev/null -H "$BASIC" -H 'Content-Type: application/json' -d "{\"username\":\"$name\",\"displayName\":\"$name\"}" "$BASE/api/users"
  curl -fs -o /dev/null -H "$BASIC" -H 'Content-Type: application/json' -d "{\"role\":\"$role\",\"unitCode\":\"$unit\"}" "$BASE/api/users/$name/grants"
done
# a known password without the forced change, so that the timing client signs in directly
HASH=$(java -cp "$CP" bench/home/Hash.java "$USER_PASSWORD")
"${PSQL[@]}" -c "update app_user set password_hash = '$HASH', must_change_password = false where username like 'bench.%'"
echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in bench.canbo bench.vpdp bench.lanhdao; do
  java -cp "$CP" bench/home/HomeTiming.java "$BASE" "$name" "$USER_PASSWORD" / 50
done
java -cp "$CP" bench/home/HomeTiming.java "$BASE" bench.lanhdao "$USER_PASSWORD" /meeting 20
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
