-- One deadline reader for the whole application: "6 tháng đầu năm 2024" is a half-year (due 30/6/2024, it was
-- stored as the whole year) and "hàng năm" is yearly recurring work (it was refused).
alter table directive_deadline drop constraint directive_deadline_kind_check;
alter table directive_deadline add constraint directive_deadline_kind_check
    check (kind in ('NONE', 'DATE', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'RECURRING'));
alter table directive_deadline drop constraint directive_deadline_recurrence_check;
alter table directive_deadline add constraint directive_deadline_recurrence_check
    check (recurrence in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'ONGOING'));
