-- The criteria a document says are not met ("Một số tiêu chí chưa đạt như: Tiêu chí số 1 (Quy hoạch); …"), kept with
-- the stated status they belong to: the number in the status's set and the name as the document writes it.
create table assessment_stated_unmet (
    stated_status_id bigint       not null references assessment_stated_status (id) on delete cascade,
    criterion_number integer      not null check (criterion_number between 1 and 99),
    name             varchar(200),
    primary key (stated_status_id, criterion_number)
);
