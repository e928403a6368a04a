#!/usr/bin/env bash
# National benchmark: two application nodes on one PostgreSQL behind nginx, loaded with the national dataset through
# the application's own bulk paths, then wrk on the overview at 100 and 400 connections.
#   bench/national/run.sh                  # full scale: 34 provinces, 3,321 communes, 70,000 villages, 5 years of
#                                          # rounds (2021 QĐ 1980, 2022-2025 QĐ 318) + one QĐ 51 round, 200,000 directives
#   FRACTION=0.25 bench/national/run.sh    # a quarter of the provinces (9), each at full density, and of the directives
#   DIRECTIVES=20000 bench/national/run.sh # fewer directives (they load one API call each)
# Everything on loopback: PostgreSQL (Debian's package, run as the postgres account) on 19432, nodes on 19181/19182,
# nginx on 19080; data under /tmp/ops-national (removed at the end unless KEEP=1). Every process started is stopped
# by its pid. Needs: apt-get install -y postgresql nginx wrk. Prints load rates, wrk latency, memory per node,
# database size and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/national
WORK=${WORK:-/tmp/ops-national}
FRACTION=${FRACTION:-1.0}
CLIENTS=${CLIENTS:-8}
DURATION=${DURATION:-30s}
PASSWORD=national-admin-password
mkdir -p "$OUT"
for tool in wrk nginx; do command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] || { echo "$tool missing: apt-get install -y $tool"; exit 1; }; done
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  (cd /tmp && as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1) || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; fraction $FRACTION"

# SKIP_BUILD=1 reuses target/ntm-tracker.jar and the classpath of the previous run
[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$OUT/cp.txt" ] || ./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt"

# --- one PostgreSQL
rm -rf "$WORK"; mkdir -p "$WORK/pg"; chmod 755 "$WORK"
pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'); printf '%s\n' "$pw" > "$WORK/pwfile"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$WORK/pg" "$WORK/pwfile"
(cd /tmp && as_pg "$BIN/initdb" -D "$WORK/pg" -U postgres --auth=scram-sha-256 --pwfile="$WORK/pwfile" -E UTF-8 --locale=C >/dev/null)
rm -f "$WORK/pwfile"
(cd /tmp && as_pg "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w start -o "-p 19432 -c listen_addresses=127.0.0.1 -k $WORK/pg \
  -c max_connections=200 -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=16MB -c max_wal_size=8GB \
  -c checkpoint_timeout=15min" >/dev/null)
PGPASSWORD=$pw "$BIN/psql" -X -q -h 127.0.0.1 -p 19432 -U postgres -c "create database ntm" >/dev/null

# --- two nodes, started together (Flyway and the start-up work run once; the other waits)
for port in 19181 19182; do
  java -Xmx1g -jar target/ntm-tracker.jar --server.port=$port \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:19432/ntm --spring.datasource.username=postgres \
    --spring.datasource.password="$pw" --spring.datasource.hikari.maximum-pool-size=20 \
    --NTM_ADMIN_PASSWORD=$PASSWORD --logging.level.root=WARN > "$OUT/node-$port.log" 2>&1 &
  pids+=($!); eval "node_$port=$!"
done
for port in 19181 19182; do
  for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" && break; sleep 1; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" || { echo "node $port not ready"; tail -30 "$OUT/node-$port.log"; exit 1; }
done

# --- nginx in front (loopback, no TLS here; docs/deploy.md has the TLS site)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  client_max_body_size 30m;
  upstream ntm { least_conn; server 127.0.0.1:19181; server 127.0.0.1:19182; keepalive 64; }
  server {
    listen 127.0.0.1:19080;
    location / {
      proxy_pass http://ntm; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme; proxy_read_timeout 120s;
    }
  }
}
NGINX
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 1
BASE=http://127.0.0.1:19080

# --- the dataset, through nginx (both nodes write)
java -cp "$(cat "$OUT/cp.txt")" bench/national/NationalData.java "$BASE" admin "$PASSWORD" "$FRACTION" "${DIRECTIVES:-}" "$CLIENTS" \
  | tee "$OUT/load.txt"
echo "load average after loading: $(cut -d' ' -f1-3 /proc/loadavg)"
PGPASSWORD=$pw "$BIN/psql" -X -A -t -h 127.0.0.1 -p 19432 -U postgres -d ntm -c "select 'database size ' || pg_size_pretty(pg_database_size('ntm'))
  union all select 'units ' || count(*) from unit union all select 'rounds ' || count(*) from assessment_round
  union all select 'directives ' || count(*) from directive union all select 'audit rows ' || count(*) from audit_log"
PGPASSWORD=$pw "$BIN/psql" -X -q -h 127.0.0.1 -p 19432 -U postgres -d ntm -c "vacuum analyze" >/dev/null

# --- wrk on the overview of one province (≈98 communes × 19 criteria, latest of five years) through nginx
BASIC=$(printf 'admin:%s' "$PASSWORD" | base64)
TOKEN=$(curl -fs -H "Authorization: Basic $BASIC" -H 'Content-Type: application/json' -d '{"name":"wrk"}' \
  "$BASE/api/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
URL="$BASE/api/assessments/overview?unit=NAT-P01&set=QD318-2022-XA-NTM&asOf=2025-12-31&signedOff=false"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL" -o "$OUT/overview.json"
echo "province overview: $(wc -c < "$OUT/overview.json") bytes, $(grep -o '"unitCode"' "$OUT/overview.json" | wc -l) unit codes"
wrk -t2 -c8 -d10s -H "Authorization: Bearer $TOKEN" "$URL" > /dev/null   # warm-up
for c in 100 400; do
  echo "=== overview of one province through nginx and two nodes: $c connections, $DURATION (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c$c -d"$DURATION" --timeout 60s --latency -s bench/national/percentiles.lua -H "Authorization: Bearer $TOKEN" "$URL" | tee "$OUT/wrk-$c.txt"
done
for port in 19181 19182; do
  pid=$(eval echo "\$node_$port")
  echo "node $port: RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MB, heap limit 1 GB"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
