#!/usr/bin/env bash
# Restore drill: proves that a backup made by deploy/backup.sh restores into a fresh PostgreSQL and is complete.
#
#   deploy/restore-drill.sh              self-contained, from a clean clone: builds the jar, starts a PostgreSQL
#                                        (Debian's package) with the application and its demo data on it, writes a
#                                        marker through the API, runs deploy/backup.sh while the application runs,
#                                        writes a second marker, restores the dump into a new PostgreSQL instance and
#                                        checks it (below), then starts the application on the restored database
#   deploy/restore-drill.sh DUMP         restores DUMP (with DUMP's .manifest beside it) into a fresh instance, checks
#   deploy/restore-drill.sh --embedded   the same for a one-node install on the embedded PostgreSQL 17: the application
#                                        with its demo data on an embedded database, deploy/backup.sh embedded while it
#                                        runs, the copy unpacked into a new directory, the application started on it
#
# Checks: every table's row count equals the manifest's (read in the dump's own snapshot); the audit log's last
# entry is the manifest's (and, self-contained, the first marker); the second marker, written after the backup,
# is absent; the application starts on the restored database (Flyway validates its history) and answers a login.
# Everything runs on loopback ports 19431-19433/19081 in a temporary directory that is removed at the end; every
# process started is stopped by its pid. Needs Debian's postgresql package (apt-get install -y postgresql) and Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] && [ -x "$BIN/pg_restore" ] || { echo "restore drill: Debian's PostgreSQL is missing: apt-get install -y postgresql" >&2; exit 1; }
export PATH="$BIN:$PATH"
work=$(mktemp -d /tmp/ops-drill-XXXXXX)
chmod 755 "$work"
pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
app_pid=""
instances=()
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  for d in "${instances[@]}"; do (cd /tmp && as_pg pg_ctl -D "$d" -m fast -w stop >/dev/null 2>&1) || true; done
  rm -rf "$work"
}
trap cleanup EXIT

instance() { # name port: a new PostgreSQL with a password, on loopback
  local d="$work/$1"
  mkdir -p "$d"; printf '%s\n' "$pw" > "$work/pwfile"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$d" "$work/pwfile"
  (cd /tmp && as_pg initdb -D "$d" -U postgres --auth=scram-sha-256 --pwfile="$work/pwfile" -E UTF-8 --locale=C >/dev/null)
  rm -f "$work/pwfile"
  (cd /tmp && as_pg pg_ctl -D "$d" -l "$d/server.log" -o "-p $2 -c listen_addresses=127.0.0.1 -k $d" -w start >/dev/null)
  instances+=("$d")
  PGPASSWORD=$pw psql -X -q -h 127.0.0.1 -p "$2" -U postgres -d postgres -c "create database ntm" >/dev/null
}
start_app() { # port, then application arguments
  local port=$1; shift
  java -Xmx768m -jar target/ntm-tracker.jar --server.port="$port" --spring.datasource.username=postgres \
    --spring.datasource.password="$pw" --logging.level.root=WARN "$@" > "$work/app-$port.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "restore drill: the application stopped:"; tail -30 "$work/app-$port.log"; exit 1; }
    sleep 1
  done
  echo "restore drill: the application did not become ready"; tail -30 "$work/app-$port.log"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }
marker() { # port code: imports a province through the API, as the demo administrator
  curl -fs -u admin:ntm-demo -H 'Content-Type: text/csv; charset=UTF-8' \
    --data-binary "code,name,kind,parent_code,valid_from,valid_to,region
$2,Tỉnh diễn tập $2,tỉnh,,2000-01-01,,BTB" "http://127.0.0.1:$1/api/units/import" > /dev/null
}
counts() { # port: the same lines as the manifest's table counts
  PGPASSWORD=$pw psql -X -q -A -t -h 127.0.0.1 -p "$1" -U postgres -d ntm -c "select format('%s|%s', c.relname,
      (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname = 'public' order by c.relname;"
}
last_audit() {
  PGPASSWORD=$pw psql -X -q -A -t -h 127.0.0.1 -p "$1" -U postgres -d ntm -c "select coalesce((select format('audit|%s|%s|%s|%s|%s|%s', id,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), username, action, entity_type, entity_id)
      from audit_log order by id desc limit 1), 'audit|none');"
}

started=$(date +%s)
if [ "${1:-}" = "--embedded" ]; then
  echo "== building the application"
  ./mvnw -q -B -DskipTests package
  echo "== the application on an embedded PostgreSQL with the demo data"
  start_app 19082 --spring.profiles.active=demo --ntm.embedded-db.dir="$work/pg"
  suffix=$(date -u +%H%M%S)$RANDOM
  marker 19082 "DRILL-BEFORE-$suffix"
  echo "== online backup of the embedded database"
  BACKUP_DIR="$work/backups" bash "$root/deploy/backup.sh" embedded "$work/pg"
  marker 19082 "DRILL-AFTER-$suffix"
  stop_app
  copy=$(ls -d "$work"/backups/embedded-*)
  echo "== restoring into a new directory and starting the application on it"
  mkdir -m 700 "$work/restored"
  tar -C "$work/restored" -xzf "$copy/data.tar.gz"
  install -m 600 "$copy/pg.password" "$work/restored.password"
  start_app 19082 --ntm.embedded-db.dir="$work/restored"
  export PGPASSWORD=$(cat "$work/restored.password")
  eport=$(sed -n 4p "$work/restored/postmaster.pid")
  ecounts=$(psql -X -q -A -t -h 127.0.0.1 -p "$eport" -U postgres -d postgres -c "select format('%s|%s', c.relname,
      (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and n.nspname = 'public' order by c.relname;")
  eaudit=$(psql -X -q -A -t -h 127.0.0.1 -p "$eport" -U postgres -d postgres -c "select format('audit|%s|%s|%s|%s|%s|%s', id,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), username, action, entity_type, entity_id)
      from audit_log order by id desc limit 1;")
  after=$(psql -X -q -A -t -h 127.0.0.1 -p "$eport" -U postgres -d postgres -c "select count(*) from unit where code = 'DRILL-AFTER-$suffix'")
  me=$(curl -fs -u admin:ntm-demo "http://127.0.0.1:19082/api/me" || true)
  stop_app
  fail=0
  expected=$(grep -v '^#' "$copy/manifest" | grep -v '^audit|')
  [ "$expected" = "$ecounts" ] || { echo "FAIL: row counts differ:"; diff <(echo "$expected") <(echo "$ecounts") || true; fail=1; }
  [ "$(grep '^audit|' "$copy/manifest")" = "$eaudit" ] || { echo "FAIL: last audit entry $eaudit, manifest $(grep '^audit|' "$copy/manifest")"; fail=1; }
  case "$eaudit" in *"|DRILL-BEFORE-$suffix") ;; *) echo "FAIL: the last audit entry is not the marker"; fail=1;; esac
  [ "$after" = 0 ] || { echo "FAIL: the marker written after the backup is in the copy"; fail=1; }
  case "$me" in *'"admin"'*) ;; *) echo "FAIL: no login on the restored database: $me"; fail=1;; esac
  [ "$fail" = 0 ] || { echo "restore drill (embedded): FAILED"; exit 1; }
  echo "restore drill (embedded): OK — $(echo "$ecounts" | wc -l) tables, $(echo "$ecounts" | awk -F'|' '{s+=$2} END {print s}') rows as in the manifest; last audit entry ${eaudit#audit|}; $(( $(date +%s) - started )) s"
  exit 0
fi
if [ $# -ge 1 ]; then
  dump=$1
  manifest=${2:-${dump%.dump}.manifest}
  [ -f "$dump" ] && [ -f "$manifest" ] || { echo "restore drill: $dump or $manifest missing" >&2; exit 2; }
  before_marker=""; after_marker=""
else
  echo "== building the application"
  ./mvnw -q -B -DskipTests package
  echo "== source database with the demo data (PostgreSQL $(pg_ctl --version | awk '{print $3}'))"
  instance source 19431
  start_app 19081 --spring.profiles.active=demo --spring.datasource.url=jdbc:postgresql://127.0.0.1:19431/ntm
  suffix=$(date -u +%H%M%S)$RANDOM
  before_marker="DRILL-BEFORE-$suffix"; after_marker="DRILL-AFTER-$suffix"
  marker 19081 "$before_marker"
  echo "== backup while the application runs"
  PGHOST=127.0.0.1 PGPORT=19431 PGUSER=postgres PGPASSWORD=$pw PGDATABASE=ntm BACKUP_DIR="$work/backups" \
    bash "$root/deploy/backup.sh" dump
  marker 19081 "$after_marker"
  stop_app
  dump=$(ls "$work"/backups/ntm-*.dump); manifest=${dump%.dump}.manifest
fi

echo "== restoring into a fresh instance"
instance restore 19433
PGPASSWORD=$pw pg_restore -h 127.0.0.1 -p 19433 -U postgres -d ntm --no-owner --exit-on-error "$dump"

fail=0
expected=$(grep -v '^#' "$manifest" | grep -v '^audit|')
actual=$(counts 19433)
if [ "$expected" != "$actual" ]; then
  echo "FAIL: row counts differ from the manifest:"; diff <(echo "$expected") <(echo "$actual") || true; fail=1
fi
tables=$(echo "$actual" | wc -l); rows=$(echo "$actual" | awk -F'|' '{s+=$2} END {print s}')
expected_audit=$(grep '^audit|' "$manifest"); actual_audit=$(last_audit 19433)
if [ "$expected_audit" != "$actual_audit" ]; then
  echo "FAIL: last audit entry: manifest $expected_audit, restored $actual_audit"; fail=1
fi
if [ -n "$before_marker" ]; then
  case "$actual_audit" in *"|$before_marker") ;; *) echo "FAIL: the last audit entry is not the marker $before_marker"; fail=1;; esac
  n=$(PGPASSWORD=$pw psql -X -A -t -h 127.0.0.1 -p 19433 -U postgres -d ntm -c "select count(*) from unit where code = '$after_marker'")
  [ "$n" = 0 ] || { echo "FAIL: $after_marker, written after the backup, is in the restored database"; fail=1; }
  echo "== the application on the restored database"
  start_app 19081 --spring.datasource.url=jdbc:postgresql://127.0.0.1:19433/ntm
  me=$(curl -fs -u admin:ntm-demo "http://127.0.0.1:19081/api/me" || true)
  case "$me" in *'"admin"'*) ;; *) echo "FAIL: no login on the restored database: $me"; fail=1;; esac
  stop_app
fi
[ "$fail" = 0 ] || { echo "restore drill: FAILED"; exit 1; }
echo "restore drill: OK — $tables tables, $rows rows as in the manifest; last audit entry ${actual_audit#audit|}; $(( $(date +%s) - started )) s"
