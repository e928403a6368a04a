-- Which of a province's own criteria sets is current for each tier (e.g. Hà Tĩnh's 20-criteria nâng cao set rather
-- than the national one). No row, or a row without set_code: the national set is the current one for that tier.
create table criteria_province_set (
    province_code varchar(40)  not null,
    tier          varchar(32)  not null,
    set_code      varchar(64),
    row_version   integer      not null default 0,
    chosen_by     varchar(64)  not null,
    chosen_at     timestamptz  not null default now(),
    primary key (province_code, tier)
);
