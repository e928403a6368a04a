-- A change stamp for assessment rounds that is cheap to read and exact: every transaction that inserts, updates or
-- deletes rounds adds one to a counter, and the stamp is the sum of the counters. The overview's ETag used
-- max(updated_at) and count(*) over all rounds: a scan of every round on every request (7 ms at 65,000 rounds, growing
-- with the country), and max(updated_at) misses a long transaction that commits after a later one (updated_at is the
-- transaction's start). The sum changes exactly when a writer commits (the counter row is part of its transaction).
-- 64 counters, each writer takes one no other open transaction holds (SKIP LOCKED): writers never wait for each other
-- here, so the stamp adds neither contention nor deadlocks; only with 64 writers open at once does one wait.
create table assessment_round_stamp (
    slot smallint primary key,
    n    bigint   not null default 0
);
insert into assessment_round_stamp (slot) select s from generate_series(0, 63) s;

create function assessment_round_stamp_bump() returns trigger language plpgsql as $$
declare
    chosen smallint;
begin
    -- once per transaction: its first statement holds a counter until commit, later ones have nothing to add
    if current_setting('ntm.assessment_round_stamped', true) = txid_current()::text then
        return null;
    end if;
    select slot into chosen from assessment_round_stamp order by slot for update skip locked limit 1;
    if chosen is null then
        chosen := (txid_current() % 64)::smallint;
    end if;
    update assessment_round_stamp set n = n + 1 where slot = chosen;
    perform set_config('ntm.assessment_round_stamped', txid_current()::text, true);
    return null;
end
$$;

create trigger assessment_round_stamp after insert or update or delete on assessment_round
    for each statement execute function assessment_round_stamp_bump();
