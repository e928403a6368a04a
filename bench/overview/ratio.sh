#!/usr/bin/env bash
# Issue 13, item 5 "Targets": the overview and the XLSX import as RATIOS against the minimal database work over the
# same stored rows, in the same run.
#   bench/overview/ratio.sh                  # build, fresh embedded PostgreSQL in bench/out/ratio/pg, load, measure
#   SKIP_BUILD=1 SECONDS_1=20 SECONDS_100=30 bench/overview/ratio.sh
# Measures:
#   a) GET overview of BENCH (1,000 communes, 5 years of rounds) at 1 client (wrk -c1) vs. the minimal SQL over JDBC
#      (Baseline.java overview: latest signed-off round per commune <= asOf with its criterion letters), p50 ratio
#   b) the same URL at 100 connections (wrk -t2 -c100), personal API token: errors, p50/p95/p99; b') the same with
#      Accept-Encoding: gzip
#   c) GET overview of BIG (5,000 communes, 5 years) at 1 client, and its minimal SQL
#   d) XLSX import of 5,000 communes x 57 indicators (values/s, median of 5 imports after 2 unmeasured warm-up imports)
#      vs. COPY of the same rounds and values into the same tables (Baseline.java copy)
# Data: bench/overview/BenchData.java through the API (units CSV, one XLSX per year and province), then the rounds are
# signed off in SQL (VERIFIED, or APPRAISED when all criteria are met; 1 in 10 of the 2025 rounds stay DRAFT so that
# the query has to skip them) -- the overview counts signed-off rounds only, and there is no bulk sign-off API.
# Needs: wrk, psql. Every line of the summary is also in bench/out/ratio/results.txt. Load averages are printed
# before and after every measurement: the machine may be shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/ratio
PORT=${PORT:-18081}
PASSWORD=bench-admin-password
SECONDS_1=${SECONDS_1:-20}
SECONDS_100=${SECONDS_100:-30}
SET=QD318-2022-XA-NTM
AS_OF=2025-12-31
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
command -v psql >/dev/null || { echo "psql missing: apt-get install -y postgresql-client"; exit 1; }

mkdir -p "$OUT"
: > "$OUT/results.txt"
load() { echo "loadavg $1: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.txt"; }
result() { echo "$1=$2" >> "$OUT/results.txt"; }
get() { grep "^$1=" "$OUT/results.txt" | tail -1 | cut -d= -f2-; }

load start
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/ntm-tracker.jar ] || [ ! -f bench/out/cp.txt ]; then
  ./mvnw -q -B -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=bench/out/cp.txt \
    || ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=bench/out/cp.txt
fi
CP=$(cat bench/out/cp.txt)

rm -rf "$OUT/pg" "$OUT/pg.lock" "$OUT/pg.password"
NTM_ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar target/ntm-tracker.jar --server.port="$PORT" \
  --ntm.embedded-db.dir="$OUT/pg" --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
trap cleanup EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do curl -fs -o /dev/null "$BASE/login" && break; kill -0 "$APP" 2>/dev/null || { cat "$OUT/app.log"; exit 1; }; sleep 1; done
curl -fs -o /dev/null "$BASE/login" || { echo "application did not start"; tail -50 "$OUT/app.log"; exit 1; }

load "before data load"
BIG_YEARS=5 BIG_XLSX="$OUT/big.xlsx" java -cp "$CP" bench/overview/BenchData.java "$BASE" admin "$PASSWORD" | tee "$OUT/benchdata.txt"
sed -n 's/^RESULT //p' "$OUT/benchdata.txt" >> "$OUT/results.txt"
load "after data load"

# The embedded server: port from postmaster.pid (4th line), password from the file next to the data directory.
DB_PORT=$(sed -n 4p "$OUT/pg/postmaster.pid")
export PGPASSWORD=$(cat "$OUT/pg.password")
JDBC="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres)
"${PSQL[@]}" <<SQL
update assessment_round
   set status = case when achieved = total then 'APPRAISED' else 'VERIFIED' end,
       submitted_by = 'admin', submitted_at = now(), verified_by = 'admin', verified_at = now(),
       appraised_by = case when achieved = total then 'admin' end, appraised_at = case when achieved = total then now() end,
       updated_by = 'admin', updated_at = now(), version = version + 1
 where status = 'DRAFT' and not (as_of = date '$AS_OF' and id % 10 = 0);
vacuum analyze assessment_round;
vacuum analyze assessment_value;
SQL
"${PSQL[@]}" -c "select left(unit_code, 3) as area, status, count(*) from assessment_round group by 1, 2 order by 1, 2" | tee -a "$OUT/results.txt"

BASIC=$(printf 'admin:%s' "$PASSWORD" | base64)
TOKEN=$(curl -fs -H "Authorization: Basic $BASIC" -H 'Content-Type: application/json' -d '{"name":"bench-ratio"}' \
  "$BASE/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
URL_BENCH="$BASE/api/assessments/overview?unit=BENCH&set=$SET&asOf=$AS_OF"
URL_BIG="$BASE/api/assessments/overview?unit=BIG&set=$SET&asOf=$AS_OF"
for area in BENCH BIG; do
  url=URL_$area
  curl -fs -H "$AUTH" "${!url}" -o "$OUT/overview-$area.json"
  python3 - "$OUT/overview-$area.json" "$area" <<'PY' | tee -a "$OUT/results.txt"
import json, sys
d = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]}_units={d['units']}\n{sys.argv[2]}_assessed={d['assessed']}\n{sys.argv[2]}_reached={d['reachedTier']}"
      f"\n{sys.argv[2]}_regressed={d['regressed']}\n{sys.argv[2]}_atrisk={d['atRisk']}")
PY
  result "${area}_bytes" "$(wc -c < "$OUT/overview-$area.json")"
done

# wrk run: label, connections, threads, seconds, url -> WRK line into results as <label>_p50 ...
run_wrk() {
  local label=$1 conns=$2 threads=$3 secs=$4 url=$5 encoding=${6:-identity}
  load "before $label"
  wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s bench/overview/latency.lua -H "$AUTH" \
    -H "Accept-Encoding: $encoding" "$url" | tee "$OUT/wrk-$label.txt"
  load "after $label"
  sed -n 's/^WRK //p' "$OUT/wrk-$label.txt" | tr ' ' '\n' | sed "s/^/${label}_/" >> "$OUT/results.txt"
}
run_baseline() {
  local label=$1 root=$2
  load "before $label"
  java -cp "$CP" bench/overview/Baseline.java overview "$JDBC" "$PGPASSWORD" "$root" "$SET" "$AS_OF" "$SECONDS_1" | tee "$OUT/baseline-$label.txt"
  load "after $label"
  sed -n "s/^RESULT /${label}_/p" "$OUT/baseline-$label.txt" >> "$OUT/results.txt"
}

echo "== warm-up"
wrk -t2 -c4 -d10s -H "$AUTH" "$URL_BENCH" > /dev/null
wrk -t2 -c4 -d5s -H "$AUTH" "$URL_BIG" > /dev/null
echo "== a) 1,000 communes, 1 client"
run_wrk a_http 1 1 "$SECONDS_1" "$URL_BENCH"
run_baseline a_sql BENCH
echo "== b) 1,000 communes, 100 connections"
run_wrk b_http 100 2 "$SECONDS_100" "$URL_BENCH"
echo "== b') the same with Accept-Encoding: gzip (what browsers and most HTTP clients send)"
run_wrk bz_http 100 2 "$SECONDS_100" "$URL_BENCH" gzip
echo "== c) 5,000 communes, 1 client"
wrk -t1 -c1 -d5s -H "$AUTH" "$URL_BIG" > /dev/null
run_wrk c_http 1 1 "$SECONDS_1" "$URL_BIG"
run_baseline c_sql BIG

if [ "${JFR:-1}" = 1 ]; then
  echo "== where the time goes: JFR execution samples during 15 s of wrk -c1 on the 1,000-commune overview (not a measured run)"
  jcmd "$APP" JFR.start name=bench settings=profile filename="$PWD/$OUT/overview.jfr" > /dev/null
  wrk -t1 -c1 -d15s -H "$AUTH" "$URL_BENCH" > /dev/null
  jcmd "$APP" JFR.stop name=bench > /dev/null
  # top frames of the sampled stacks, aggregated by method, and the application frames anywhere on the stack
  jfr print --events jdk.ExecutionSample "$OUT/overview.jfr" > "$OUT/overview-samples.txt"
  awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/ line:.*/, ""); top[$0]++; n++}
       END {for (m in top) printf "%6d %5.1f%%  %s\n", top[m], 100 * top[m] / n, m}' "$OUT/overview-samples.txt" \
    | sort -rn | head -25 | tee "$OUT/jfr-top.txt"
  echo "samples: $(grep -c 'jdk.ExecutionSample' "$OUT/overview-samples.txt")" | tee -a "$OUT/jfr-top.txt"
fi

echo "== d) XLSX import of 5,000 x 57 values vs. COPY of the same rows"
# Two imports first, not measured: the JIT compiles the import path (the first import of a JVM takes ~2x longer).
# Then five measured imports, each at its own date (new rounds each time, as a province's next quarter would be).
for date in 2025-01-31 2025-02-28; do
  curl -fs -o /dev/null -H "$AUTH" -F "asOf=$date" \
    -F "file=@$OUT/big.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$BASE/api/assessments/import"
done
for date in 2025-03-31 2025-04-30 2025-05-31 2025-08-31 2025-09-30; do
  load "before import $date"
  t=$(curl -fs -o "$OUT/import-$date.json" -w '%{http_code} %{time_total}' -H "$AUTH" -F "asOf=$date" \
    -F "file=@$OUT/big.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$BASE/api/assessments/import")
  load "after import $date"
  echo "import $date: HTTP/time $t"
  result "import_extra_$date" "$(echo "$t" | cut -d' ' -f2)"
done
load "before d_copy"
java -cp "$CP" bench/overview/Baseline.java copy "$JDBC" "$PGPASSWORD" G-X "$AS_OF" | tee "$OUT/copy.txt"
load "after d_copy"
sed -n 's/^RESULT //p' "$OUT/copy.txt" >> "$OUT/results.txt"

python3 - "$OUT/results.txt" <<'PY' | tee "$OUT/summary.txt"
import sys, statistics
r = {}
for line in open(sys.argv[1]):
    if "=" in line and not line.startswith("loadavg"):
        k, v = line.strip().split("=", 1)
        r[k] = v
f = lambda k: float(r[k])
imports = [f(k) for k in r if k.startswith("import_extra_")]
imp = statistics.median(imports)
values = int(r["copy_values"])
rows = [
  ("a) overview 1,000 communes, 1 client, p50", f"{f('a_http_p50'):.2f} ms", f"minimal SQL p50 {f('a_sql_minimal_sql_p50_ms'):.2f} ms (app SQL {f('a_sql_app_sql_p50_ms'):.2f} ms)",
   f"{f('a_http_p50') / f('a_sql_minimal_sql_p50_ms'):.2f}x", "<= 1.5x"),
  ("b) same, 100 connections", f"p50 {f('b_http_p50'):.1f} / p95 {f('b_http_p95'):.1f} / p99 {f('b_http_p99'):.1f} ms",
   f"{r['b_http_requests']} requests, {f('b_http_rps'):.0f}/s", f"{r['b_http_errors']} errors", "0 errors, p95 < 100 ms"),
  ("b') same, gzip accepted", f"p50 {f('bz_http_p50'):.1f} / p95 {f('bz_http_p95'):.1f} / p99 {f('bz_http_p99'):.1f} ms",
   f"{r['bz_http_requests']} requests, {f('bz_http_rps'):.0f}/s", f"{r['bz_http_errors']} errors", "0 errors, p95 < 100 ms"),
  ("c) overview 5,000 communes, 1 client, p50", f"{f('c_http_p50'):.2f} ms", f"minimal SQL p50 {f('c_sql_minimal_sql_p50_ms'):.2f} ms (app SQL {f('c_sql_app_sql_p50_ms'):.2f} ms)",
   f"{f('c_http_p50') / f('c_sql_minimal_sql_p50_ms'):.2f}x", "< 60 ms"),
  ("d) XLSX import 5,000 x 57", f"{values / imp:,.0f} values/s (median of {len(imports)}: {', '.join(f'{x:.2f}' for x in imports)} s)",
   f"COPY values {values / f('copy_values_s'):,.0f}/s ({f('copy_values_s'):.3f} s); rounds+values+commit {values / f('copy_all_s'):,.0f}/s",
   f"{(values / imp) / (values / f('copy_values_s')):.2f} of COPY", ">= 100k/s or >= 0.67 of COPY"),
]
print(f"{'measure':44} | {'figure':52} | {'baseline':80} | {'ratio':14} | target")
for row in rows:
    print(" | ".join(c.ljust(w) for c, w in zip(row, (44, 52, 80, 14, 0))))
print(f"rows: BENCH {r.get('BENCH_units')} units / {r.get('BENCH_assessed')} assessed, BIG {r.get('BIG_units')} / {r.get('BIG_assessed')}; "
      f"minimal SQL rows {r.get('a_sql_minimal_sql_rows')} / {r.get('c_sql_minimal_sql_rows')}; import status {r.get('import_big_status')}")
PY
load end
