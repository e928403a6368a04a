#!/usr/bin/env bash
# Backs up the NTM Tracker database.
#
#   deploy/backup.sh [dump]    logical backup (pg_dump custom format) + manifest: for small installs, restores anywhere
#   deploy/backup.sh base      physical base backup (pg_basebackup, tar, WAL streamed): the starting point of
#                              point-in-time recovery together with the archived WAL (docs/deploy.md, "Backups")
#   deploy/backup.sh embedded DATA_DIR
#                              online physical copy of the embedded PostgreSQL 17 of a one-node install (Debian 12's
#                              pg_dump 15 cannot dump a 17 server): pg_backup_start, tar of DATA_DIR, pg_backup_stop,
#                              the WAL written meanwhile (kept by a temporary replication slot), backup_label, and the
#                              password file <DATA_DIR>.password. Restore: docs/deploy.md. Run as the application's user
#                              (or root); needs psql (postgresql-client) and tar.
#
# Connection: libpq's variables PGHOST, PGPORT, PGUSER, PGDATABASE and PGPASSWORD (or ~/.pgpass) — the same database
# as SPRING_DATASOURCE_URL. Output: BACKUP_DIR (default /var/backups/ntm), one file per run named by the UTC time:
#   ntm-20261204T230000Z.dump       pg_dump -Fc of the whole database
#   ntm-20261204T230000Z.manifest   row count of every table and the audit log's last entry, read in the very
#                                   snapshot the dump was taken in (pg_export_snapshot): the restore drill compares them
# Needs pg_dump/psql of the server's major version or newer (Debian: postgresql-client). Keeps KEEP (default 14)
# dumps, removing older ones. Exit code non-zero on any failure; nothing half-written is left under its final name.
set -euo pipefail
mode=${1:-dump}
dir=${BACKUP_DIR:-/var/backups/ntm}
keep=${KEEP:-14}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$dir"
umask 077

case "$mode" in
  dump)
    base="$dir/ntm-$stamp"
    # One repeatable-read session exports its snapshot; the counts and pg_dump (run from inside that session with
    # --snapshot) both read it, so the manifest describes exactly what the dump holds.
    {
      echo "# NTM Tracker backup $stamp, database ${PGDATABASE:-$(whoami)} on ${PGHOST:-local}:${PGPORT:-5432}"
      echo "# table|rows, then the last audit entry: audit|id|at|username|action|entity_type|entity_id"
    } > "$base.manifest.part"
    psql -X -q -A -t -v ON_ERROR_STOP=1 <<SQL
begin isolation level repeatable read read only;
select pg_export_snapshot() as snapshot \gset
\setenv NTM_SNAPSHOT :snapshot
\o | cat >> '$base.manifest.part'
select format('%s|%s', c.relname,
       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text)
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p') and n.nspname = 'public' order by c.relname;
select coalesce((select format('audit|%s|%s|%s|%s|%s|%s', id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        username, action, entity_type, entity_id) from audit_log order by id desc limit 1), 'audit|none');
\o
\! pg_dump -Fc --snapshot="\$NTM_SNAPSHOT" -f '$base.dump.part'
commit;
SQL
    # psql does not stop on a failed shell command: check the dump is complete and readable
    pg_restore -l "$base.dump.part" > /dev/null
    grep -q '^audit|' "$base.manifest.part" || { echo "backup: the manifest is incomplete" >&2; exit 1; }
    mv "$base.dump.part" "$base.dump"
    mv "$base.manifest.part" "$base.manifest"
    echo "backup: $base.dump ($(du -h "$base.dump" | cut -f1)), manifest of $(grep -vc '^#' "$base.manifest") lines"
    # keep the newest $keep dumps
    ls -1t "$dir"/ntm-*.dump 2>/dev/null | tail -n +$((keep + 1)) | while read -r old; do
      rm -f "$old" "${old%.dump}.manifest"
    done
    ;;
  base)
    target="$dir/base-$stamp"
    pg_basebackup -D "$target.part" -Ft -z -X stream --checkpoint=fast --label="ntm-$stamp"
    mv "$target.part" "$target"
    echo "backup: base backup in $target ($(du -sh "$target" | cut -f1)); with the WAL archive it restores to any moment after it"
    ;;
  embedded)
    data=$(cd "${2:?usage: $0 embedded DATA_DIR}" && pwd)
    [ -f "$data/postmaster.pid" ] || { echo "backup: no PostgreSQL running on $data (start the application)" >&2; exit 1; }
    target="$dir/embedded-$stamp"
    mkdir -p "$target.part"
    cp -p "$data.password" "$target.part/pg.password"
    export PGHOST=127.0.0.1 PGPORT=$(sed -n 4p "$data/postmaster.pid") PGUSER=postgres PGDATABASE=postgres
    PGPASSWORD=$(cat "$data.password"); export PGPASSWORD
    {
      echo "# NTM Tracker embedded backup $stamp of $data (physical; counts read at pg_backup_start)"
      echo "# table|rows, then the last audit entry: audit|id|at|username|action|entity_type|entity_id"
    } > "$target.part/manifest"
    # One session: the temporary slot keeps every WAL segment from the start until the session ends.
    psql -X -q -A -t -v ON_ERROR_STOP=1 <<SQL
set client_min_messages = warning;
\o /dev/null
select 1 from pg_create_physical_replication_slot('ntm_backup_$$', true, true);
select 1 from pg_backup_start('ntm-$stamp', true);
\o | cat >> '$target.part/manifest'
select format('%s|%s', c.relname,
       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text)
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'p') and n.nspname = 'public' order by c.relname;
select coalesce((select format('audit|%s|%s|%s|%s|%s|%s', id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        username, action, entity_type, entity_id) from audit_log order by id desc limit 1), 'audit|none');
\o /dev/null
\! tar -C '$data' --exclude=./pg_wal --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude='./.s.PGSQL.*' --exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' --exclude='./pgsql_tmp*' --warning=no-file-changed --warning=no-file-removed -cf '$target.part/data.tar' . ; echo \$? > '$target.part/tar.rc'
select labelfile from pg_backup_stop(true) \g '$target.part/backup_label'
\! tar -C '$data' --exclude='./pg_wal/archive_status/*' -rf '$target.part/data.tar' ./pg_wal && tar -C '$target.part' -rf '$target.part/data.tar' ./backup_label ; echo \$? >> '$target.part/tar.rc'
SQL
    # tar's 1 is "a file changed while read": normal online; WAL replay from backup_label makes the copy consistent
    if grep -qvE '^[01]$' "$target.part/tar.rc" || ! tar -tf "$target.part/data.tar" | grep -q '^./backup_label$'; then
      echo "backup: the copy of $data failed (tar exit codes: $(tr '\n' ' ' < "$target.part/tar.rc"))" >&2; exit 1
    fi
    rm -f "$target.part/tar.rc" "$target.part/backup_label"
    gzip -1 "$target.part/data.tar"
    mv "$target.part" "$target"
    echo "backup: embedded database copied to $target ($(du -sh "$target" | cut -f1)): data.tar.gz, pg.password, manifest"
    ;;
  *)
    echo "usage: $0 [dump|base|embedded DATA_DIR]" >&2; exit 2 ;;
esac
