-- An assessment round: one unit measured against one criteria set version as of a date.
-- Statuses are computed from the values and stored with the round (criterion results below) so that
-- dashboards read stored figures that are fresh on every write.
create table assessment_round (
    id                bigserial primary key,
    unit_code         varchar(40)  not null references unit (code),
    set_code          varchar(64)  not null,
    set_version       integer      not null,
    as_of             date         not null,
    kind              varchar(16)  not null check (kind in ('SELF', 'YEAR_END', 'VERIFICATION', 'APPRAISAL')),
    status            varchar(16)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'APPRAISED')),
    achieved          integer      not null default 0,
    total             integer      not null,
    below_standard    integer      not null default 0,
    missing_values    integer      not null default 0,
    recognised        boolean      not null default false,
    at_risk           boolean      not null default false,
    lost_criteria     text,
    gained_criteria   text,
    risk_text         text,
    previous_round_id bigint references assessment_round (id),
    opened_from_id    bigint references assessment_round (id),
    note              text,
    return_reason     text,
    created_by        varchar(64)  not null,
    created_at        timestamptz  not null default now(),
    updated_by        varchar(64),
    updated_at        timestamptz,
    submitted_by      varchar(64),
    submitted_at      timestamptz,
    verified_by       varchar(64),
    verified_at       timestamptz,
    appraised_by      varchar(64),
    appraised_at      timestamptz,
    returned_by       varchar(64),
    returned_at       timestamptz,
    version           integer      not null default 0,
    foreign key (set_code, set_version) references criteria_set_version (code, version)
);
create index assessment_round_unit on assessment_round (unit_code, as_of desc);
create index assessment_round_set on assessment_round (set_code, set_version, as_of);

create table assessment_value (
    round_id       bigint      not null references assessment_round (id) on delete cascade,
    indicator_code varchar(16) not null,
    value_type     varchar(16) not null check (value_type in ('YES_NO', 'PERCENT', 'AMOUNT', 'COUNT', 'EVIDENCE', 'NOT_APPLICABLE')),
    bool_value     boolean,
    num_value      numeric(18, 4),
    text_value     text,
    evidence_note  text,
    entered_by     varchar(64) not null,
    entered_at     timestamptz not null default now(),
    primary key (round_id, indicator_code)
);

-- Human judgements on a criterion: an override of the computed status, or the "cơ bản đạt (chưa bền vững)"
-- flag. Both need a reason and are always shown as such.
create table assessment_judgement (
    round_id         bigint      not null references assessment_round (id) on delete cascade,
    criterion_number integer     not null,
    kind             varchar(16) not null check (kind in ('OVERRIDE', 'BASICALLY')),
    status           varchar(10) check (status in ('DAT', 'CHUA_DAT')),
    reason           text        not null check (length(trim(reason)) > 0),
    judged_by        varchar(64) not null,
    judged_at        timestamptz not null default now(),
    primary key (round_id, criterion_number, kind)
);

create table assessment_criterion_result (
    round_id         bigint      not null references assessment_round (id) on delete cascade,
    criterion_number integer     not null,
    status           varchar(10) not null check (status in ('DAT', 'CHUA_DAT')),
    basically        boolean     not null default false,
    overridden       boolean     not null default false,
    incomplete       boolean     not null default false,
    primary key (round_id, criterion_number)
);
