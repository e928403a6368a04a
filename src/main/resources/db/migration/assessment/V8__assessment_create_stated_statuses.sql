-- A criteria status stated in a document ("đạt 3/20 tiêu chí NTM nâng cao" in a conclusion notice), kept in the
-- unit's assessment history beside the rounds. It is what the document says, not an evaluation: it never changes
-- a round's figures, and the source names the document it came from.
create table assessment_stated_status (
    id            bigserial primary key,
    unit_code     varchar(40)  not null references unit (code),
    stated_on     date         not null,
    level         varchar(24)  not null check (level in ('NTM', 'NTM_NANG_CAO', 'NTM_KIEU_MAU', 'KDC_NTM_KIEU_MAU', 'THON_NTM')),
    achieved      integer      not null check (achieved >= 0),
    total         integer      not null check (total > 0 and achieved <= total),
    set_code      varchar(64),
    source        varchar(300) not null,
    source_link   varchar(300),
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now()
);

create index assessment_stated_status_unit on assessment_stated_status (unit_code, stated_on desc);
