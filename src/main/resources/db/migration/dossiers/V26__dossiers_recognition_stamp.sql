-- The recognition history's change stamp (change_stamp_bump, V24), read by others through a view this module owns.
create table recognition_stamp (
    slot smallint primary key,
    n    bigint   not null default 0
);
insert into recognition_stamp (slot) select s from generate_series(0, 15) s;

create trigger recognition_stamp after insert or update or delete on recognition
    for each statement execute function change_stamp_bump('recognition_stamp');

create view dossiers_v_recognition_stamp as select sum(n) as stamp from recognition_stamp;
