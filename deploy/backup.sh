#!/usr/bin/env bash
# Backs up the NTM Tracker database.
#
#   deploy/backup.sh [dump]    logical backup (pg_dump custom format) + manifest: for small installs, restores anywhere
#   deploy/backup.sh base      physical base backup (pg_basebackup, tar, WAL streamed): the starting point of
#                              point-in-time recovery together with the archived WAL (docs/deploy.md, "Backups")
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
  *)
    echo "usage: $0 [dump|base]" >&2; exit 2 ;;
esac
