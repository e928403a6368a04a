-- The rounds' change stamp (change_stamp_bump, V24): the overview's ETag reads its sum. 64 counters: one per writer
-- open at the same moment before any has to wait.
create table assessment_round_stamp (
    slot smallint primary key,
    n    bigint   not null default 0
);
insert into assessment_round_stamp (slot) select s from generate_series(0, 63) s;

create trigger assessment_round_stamp after insert or update or delete on assessment_round
    for each statement execute function change_stamp_bump('assessment_round_stamp');
