-- The recognition history's change stamp, as assessment's round stamp (V24): every transaction that writes the history
-- adds one to a counter no other open transaction holds, and readers (the overview's ETag) read the sum through a view
-- this module owns. Replaces max(changed_at) + count(*), which missed a transaction that started earlier and committed
-- later (changed_at is the transaction's start) and counted every row on each read.
create table recognition_stamp (
    slot smallint primary key,
    n    bigint   not null default 0
);
insert into recognition_stamp (slot) select s from generate_series(0, 15) s;

create function recognition_stamp_bump() returns trigger language plpgsql as $$
declare
    chosen smallint;
begin
    -- once per transaction: its first statement holds a counter until commit, later ones have nothing to add
    if current_setting('ntm.recognition_stamped', true) = txid_current()::text then
        return null;
    end if;
    select slot into chosen from recognition_stamp order by slot for update skip locked limit 1;
    if chosen is null then
        chosen := (txid_current() % 16)::smallint;
    end if;
    update recognition_stamp set n = n + 1 where slot = chosen;
    perform set_config('ntm.recognition_stamped', txid_current()::text, true);
    return null;
end
$$;

create trigger recognition_stamp after insert or update or delete on recognition
    for each statement execute function recognition_stamp_bump();

create view dossiers_v_recognition_stamp as select sum(n) as stamp from recognition_stamp;
