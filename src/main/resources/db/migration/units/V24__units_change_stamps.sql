-- Change stamps: a number that changes exactly when a transaction that wrote some tables commits, cheap to read.
-- Pages and ETags built on those tables (the overview) read the stamp instead of max(updated_at) + count(*) over every
-- row, which cost a scan per request and missed a transaction that started earlier and committed later (its rows carry
-- its start time). A stamp is a small table of counters; a statement trigger on each written table calls
-- change_stamp_bump('<stamp table>'), which adds one to a counter no other open transaction holds (SKIP LOCKED: writers
-- never wait for each other here), once per transaction; the stamp is the sum of the counters. Modules create their own
-- stamp tables and triggers; this function is shared (the units module's migrations come first).
create function change_stamp_bump() returns trigger language plpgsql as $$
declare
    stamp   text := tg_argv[0];
    setting text := 'ntm.stamped_' || tg_argv[0];
    chosen  smallint;
begin
    -- once per transaction: its first statement holds a counter until commit, later ones have nothing to add
    if current_setting(setting, true) = txid_current()::text then
        return null;
    end if;
    execute format('select slot from %I order by slot for update skip locked limit 1', stamp) into chosen;
    if chosen is null then
        -- every counter held by an open writer: wait for one
        execute format('select slot from %I order by random() limit 1', stamp) into chosen;
    end if;
    execute format('update %I set n = n + 1 where slot = $1', stamp) using chosen;
    perform set_config(setting, txid_current()::text, true);
    return null;
end
$$;

-- The unit tree: units, names, parents, paths, classifications, events, lineage. Units.revision() reads the sum.
create table unit_stamp (
    slot smallint primary key,
    n    bigint   not null default 0
);
insert into unit_stamp (slot) select s from generate_series(0, 15) s;

create trigger unit_stamp after insert or update or delete on unit for each statement execute function change_stamp_bump('unit_stamp');
create trigger unit_stamp after insert or update or delete on unit_name for each statement execute function change_stamp_bump('unit_stamp');
create trigger unit_stamp after insert or update or delete on unit_parent for each statement execute function change_stamp_bump('unit_stamp');
create trigger unit_stamp after insert or update or delete on unit_path for each statement execute function change_stamp_bump('unit_stamp');
create trigger unit_stamp after insert or update or delete on unit_classification for each statement execute function change_stamp_bump('unit_stamp');
create trigger unit_stamp after insert or update or delete on unit_event for each statement execute function change_stamp_bump('unit_stamp');
create trigger unit_stamp after insert or update or delete on unit_lineage for each statement execute function change_stamp_bump('unit_stamp');
