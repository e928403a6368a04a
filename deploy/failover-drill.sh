#!/usr/bin/env bash
# Failover drill: a primary, a streaming standby (pg_basebackup -R) and an application node whose JDBC URL lists both
# servers with targetServerType=primary. The primary is killed (pg_ctl -m immediate: as a crash), the standby promoted
# (pg_ctl promote), and the node must write again on its own — the pool drops its broken connections and opens new
# ones on whichever listed server is now the primary; the cluster-notification listener reconnects and clears the
# caches. Prints the time from the promotion to the first successful write. Loopback ports 19531/19532/19581; data in
# a temporary directory removed at the end; every process started is stopped by its pid.
#   deploy/failover-drill.sh        (builds target/ntm-tracker.jar when missing; needs Debian's postgresql package)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "failover drill: apt-get install -y postgresql" >&2; exit 1; }
export PATH="$BIN:$PATH"
[ -f target/ntm-tracker.jar ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d /tmp/ops-failover-XXXXXX); chmod 755 "$work"
pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
app_pid=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$app_pid" ] && { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; } || true
  for d in primary standby; do [ -f "$work/$d/postmaster.pid" ] && (cd /tmp && as_pg pg_ctl -D "$work/$d" -m fast -w stop >/dev/null 2>&1); done || true
  rm -rf "$work"
}
trap cleanup EXIT
q() { PGPASSWORD=$pw psql -X -q -A -t -h 127.0.0.1 -p "$1" -U postgres -d "${3:-ntm}" -c "$2"; }

mkdir -p "$work/primary"; printf '%s\n' "$pw" > "$work/pwfile"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work"
(cd /tmp && as_pg initdb -D "$work/primary" -U postgres --auth=scram-sha-256 --pwfile="$work/pwfile" -E UTF-8 --locale=C >/dev/null)
(cd /tmp && as_pg pg_ctl -D "$work/primary" -l "$work/primary/server.log" -o "-p 19531 -c listen_addresses=127.0.0.1 -k $work" -w start >/dev/null)
q 19531 "create database ntm" postgres
(cd /tmp && as_pg env PGPASSWORD="$pw" pg_basebackup -h 127.0.0.1 -p 19531 -U postgres -D "$work/standby" -R -X stream --checkpoint=fast)
(cd /tmp && as_pg pg_ctl -D "$work/standby" -l "$work/standby/server.log" -o "-p 19532 -c listen_addresses=127.0.0.1 -k $work" -w start >/dev/null)
echo "primary 19531, standby 19532 in recovery: $(q 19532 'select pg_is_in_recovery()')"

java -Xmx768m -jar target/ntm-tracker.jar --server.port=19581 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:19531,127.0.0.1:19532/ntm?targetServerType=primary&connectTimeout=5" \
  --ntm.datasource.replica.url="jdbc:postgresql://127.0.0.1:19532,127.0.0.1:19531/ntm?targetServerType=preferSecondary&connectTimeout=5" \
  --spring.datasource.username=postgres --spring.datasource.password="$pw" --spring.datasource.hikari.connection-timeout=5000 \
  --NTM_ADMIN_PASSWORD=failover-admin-password --logging.level.vn.ntmtracker=INFO --logging.level.root=WARN > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null http://127.0.0.1:19581/actuator/health/readiness && break; sleep 1; done
write() { # code: imports a province; prints the HTTP status
  curl -s -o /dev/null -w '%{http_code}' -u admin:failover-admin-password -H 'Content-Type: text/csv; charset=UTF-8' \
    --data-binary "code,name,kind,parent_code,valid_from,valid_to,region
$1,Tỉnh $1,tỉnh,,2000-01-01,,BTB" http://127.0.0.1:19581/api/units/import || true
}
echo "write before the failover: HTTP $(write FO-BEFORE)"
for _ in $(seq 1 100); do [ "$(q 19532 "select count(*) from unit where code = 'FO-BEFORE'")" = 1 ] && break; sleep 0.1; done

echo "== primary killed (immediate stop), standby promoted"
(cd /tmp && as_pg pg_ctl -D "$work/primary" -m immediate -w stop >/dev/null)
(cd /tmp && as_pg pg_ctl -D "$work/standby" -w promote >/dev/null)
promoted=$(date +%s%N)
status=""
for i in $(seq 1 120); do
  status=$(write FO-AFTER)
  [ "$status" = 201 ] && break
  sleep 0.5
done
elapsed=$(( ($(date +%s%N) - promoted) / 1000000 ))
echo "write after the failover: HTTP $status, $elapsed ms after the promotion ($i attempts)"
echo "promoted server in recovery: $(q 19532 'select pg_is_in_recovery()'); rows: $(q 19532 "select string_agg(code, ', ' order by code) from unit where code like 'FO-%'")"
grep -E 'listening again|Read replica' "$work/app.log" | sed 's/^/app: /' || true
[ "$status" = 201 ] && [ "$(q 19532 "select count(*) from unit where code in ('FO-BEFORE', 'FO-AFTER')")" = 2 ] \
  && echo "failover drill: OK" || { echo "failover drill: FAILED"; tail -40 "$work/app.log"; exit 1; }
