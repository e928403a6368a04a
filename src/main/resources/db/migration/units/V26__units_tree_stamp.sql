-- The unit tree's change stamp (as assessment's V24 and dossiers' V25): every transaction that writes a unit, its
-- names, parents, paths, classifications, events or lineage adds one to a counter no other open transaction holds;
-- Units.revision() reads the sum. Replaces a sum of max(id)s, which missed updates of existing rows (a name's end date)
-- and a transaction that took its ids earlier and committed later.
create table unit_stamp (
    slot smallint primary key,
    n    bigint   not null default 0
);
insert into unit_stamp (slot) select s from generate_series(0, 15) s;

create function unit_stamp_bump() returns trigger language plpgsql as $$
declare
    chosen smallint;
begin
    -- once per transaction: its first statement holds a counter until commit, later ones have nothing to add
    if current_setting('ntm.unit_stamped', true) = txid_current()::text then
        return null;
    end if;
    select slot into chosen from unit_stamp order by slot for update skip locked limit 1;
    if chosen is null then
        chosen := (txid_current() % 16)::smallint;
    end if;
    update unit_stamp set n = n + 1 where slot = chosen;
    perform set_config('ntm.unit_stamped', txid_current()::text, true);
    return null;
end
$$;

create trigger unit_stamp after insert or update or delete on unit for each statement execute function unit_stamp_bump();
create trigger unit_stamp after insert or update or delete on unit_name for each statement execute function unit_stamp_bump();
create trigger unit_stamp after insert or update or delete on unit_parent for each statement execute function unit_stamp_bump();
create trigger unit_stamp after insert or update or delete on unit_path for each statement execute function unit_stamp_bump();
create trigger unit_stamp after insert or update or delete on unit_classification for each statement execute function unit_stamp_bump();
create trigger unit_stamp after insert or update or delete on unit_event for each statement execute function unit_stamp_bump();
create trigger unit_stamp after insert or update or delete on unit_lineage for each statement execute function unit_stamp_bump();
