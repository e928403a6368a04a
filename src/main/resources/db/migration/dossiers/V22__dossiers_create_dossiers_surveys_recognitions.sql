-- Recognition dossiers (hồ sơ xét, công nhận) and revocation dossiers, the satisfaction survey of a dossier, and the
-- recognition history of units. Procedure templates (steps, actors, documents, deadlines, thresholds) are data:
-- shipped YAML files and versions added by administrators, each kept here as its source text. Every editable row
-- carries a version for optimistic locking.

-- One version of a procedure template: immutable once stored; a change is a new version.
create table dossier_procedure (
    id           bigserial primary key,
    code         varchar(64)  not null,
    version      integer      not null check (version >= 1),
    title        text         not null,
    purpose      varchar(16)  not null check (purpose in ('RECOGNITION', 'REVOCATION')),
    source_file  varchar(200),
    source_yaml  text         not null,
    content_hash char(64)     not null,
    created_by   varchar(64)  not null default 'system',
    created_at   timestamptz  not null default now(),
    unique (code, version)
);

-- The unit's recognition history: a level reached from a decision (since its effective date) until a revocation
-- decision ends it (until: the revocation's effective date, the first day not recognised). Rows are never deleted.
create table recognition (
    id                    bigserial primary key,
    unit_code             varchar(40)  not null references unit (code),
    tier                  varchar(32)  not null,
    set_code              varchar(64),
    set_version           integer,
    since                 date         not null,
    until                 date,
    decision_number       varchar(100),
    decision_date         date,
    decision_signer       varchar(200),
    dossier_id            bigint,
    revocation_number     varchar(100),
    revocation_date       date,
    revocation_signer     varchar(200),
    revocation_dossier_id bigint,
    note                  varchar(1000),
    recorded_by           varchar(64)  not null,
    recorded_at           timestamptz  not null default now(),
    changed_at            timestamptz  not null default now(),
    version               integer      not null default 0,
    check (until is null or until > since)
);
create index recognition_unit on recognition (unit_code, tier, since);

create table dossier (
    id                  bigserial primary key,
    unit_code           varchar(40)  not null references unit (code),
    purpose             varchar(16)  not null check (purpose in ('RECOGNITION', 'REVOCATION')),
    tier                varchar(32)  not null,
    target_year         integer      not null check (target_year between 2000 and 2100),
    procedure_code      varchar(64)  not null,
    procedure_version   integer      not null,
    set_code            varchar(64)  not null,
    set_version         integer      not null,
    source_round_id     bigint       not null,
    appraisal_round_id  bigint,
    recognition_id      bigint references recognition (id),
    state               varchar(20)  not null check (state in ('IN_PREPARATION', 'UNDER_APPRAISAL', 'DECIDED', 'CLOSED')),
    opened_on           date         not null,
    opened_by           varchar(64)  not null,
    opened_at           timestamptz  not null default now(),
    closed_on           date,
    close_reason        varchar(1000),
    updated_at          timestamptz  not null default now(),
    version             integer      not null default 0
);
create index dossier_unit on dossier (unit_code, state);
create index dossier_state on dossier (state);
-- One dossier in progress per unit, level and purpose.
create unique index dossier_one_open on dossier (unit_code, tier, purpose) where state in ('IN_PREPARATION', 'UNDER_APPRAISAL');
alter table recognition add constraint recognition_dossier foreign key (dossier_id) references dossier (id);
alter table recognition add constraint recognition_revocation_dossier foreign key (revocation_dossier_id) references dossier (id);

-- The steps of a dossier, copied from its procedure template when it was opened: done in order.
create table dossier_step (
    dossier_id   bigint       not null references dossier (id),
    position     integer      not null,
    code         varchar(40)  not null,
    status       varchar(12)  not null check (status in ('WAITING', 'ACTIVE', 'DONE')),
    started_on   date,
    due_on       date,
    completed_on date,
    completed_by varchar(64),
    note         varchar(4000),
    primary key (dossier_id, position),
    unique (dossier_id, code)
);
create index dossier_step_due on dossier_step (status, due_on);

-- A document of a step's checklist: an uploaded signed scan (a newer upload of the same slot supersedes the older one,
-- which stays for the history).
create table dossier_document (
    id              bigserial primary key,
    dossier_id      bigint       not null references dossier (id),
    step_code       varchar(40)  not null,
    kind            varchar(40)  not null,
    number          varchar(100),
    issued_on       date,
    file_name       varchar(255) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    sha256          char(64)     not null,
    content         bytea        not null,
    superseded      boolean      not null default false,
    uploaded_by     varchar(64)  not null,
    uploaded_at     timestamptz  not null default now()
);
create index dossier_document_dossier on dossier_document (dossier_id, step_code, kind);

-- Public posting of the self-assessment report (QĐ 18/2022 Điều 5: posted at the commune office and the villages'
-- cultural houses, read on the loudspeakers at least 5 times within 15 days).
create table dossier_posting (
    dossier_id  bigint        primary key references dossier (id),
    places      varchar(1000) not null,
    posted_from date          not null,
    posted_to   date          not null,
    check (posted_to >= posted_from)
);

create table dossier_reading (
    id         bigserial primary key,
    dossier_id bigint       not null references dossier (id),
    read_on    date         not null,
    note       varchar(500),
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now()
);
create index dossier_reading_dossier on dossier_reading (dossier_id, read_on);

-- Comments received during the posting (from residents, organisations) and the answers given; also notes between
-- the commune and the level above.
create table dossier_comment (
    id          bigserial primary key,
    dossier_id  bigint        not null references dossier (id),
    step_code   varchar(40)   not null,
    received_on date          not null,
    author      varchar(200)  not null,
    text        varchar(4000) not null,
    answer      varchar(4000),
    answered_on date,
    answered_by varchar(64),
    created_by  varchar(64)   not null,
    created_at  timestamptz   not null default now(),
    version     integer       not null default 0
);
create index dossier_comment_dossier on dossier_comment (dossier_id);

-- The commune meeting proposing recognition: attendance and votes.
create table dossier_meeting (
    dossier_id    bigint       primary key references dossier (id),
    held_on       date         not null,
    invited       integer      not null check (invited > 0),
    present       integer      not null check (present between 1 and invited),
    votes_for     integer      not null check (votes_for >= 0),
    votes_against integer      not null check (votes_against >= 0 and votes_for + votes_against <= present),
    chaired_by    varchar(200)
);

-- The appraisal council's vote (Hội đồng thẩm định): members, for and against, result.
create table dossier_council (
    dossier_id    bigint        primary key references dossier (id),
    held_on       date          not null,
    members       varchar(4000) not null,
    member_count  integer       not null check (member_count > 0),
    votes_for     integer       not null check (votes_for >= 0),
    votes_against integer       not null check (votes_against >= 0 and votes_for + votes_against <= member_count),
    approved      boolean       not null
);

-- The decision (recognition or revocation) and the announcement.
create table dossier_decision (
    dossier_id     bigint       primary key references dossier (id),
    number         varchar(100) not null,
    decided_on     date         not null,
    signer         varchar(200) not null,
    effective_on   date         not null,
    announced_on   date
);

-- Satisfaction survey of a dossier: households given a ballot per village (for participation), and one ballot per
-- household reference with one answer per criterion of the dossier's set (Y satisfied, N not) plus the overall one.
-- Household names only where the procedure allows them (personal data, Nghị định 13/2023/NĐ-CP).
create table survey_village (
    dossier_id   bigint      not null references dossier (id),
    village_code varchar(40) not null references unit (code),
    households   integer     not null check (households between 1 and 100000),
    primary key (dossier_id, village_code)
);

create table survey_ballot (
    id             bigserial primary key,
    dossier_id     bigint       not null references dossier (id),
    village_code   varchar(40)  not null references unit (code),
    household_ref  varchar(40)  not null,
    household_name varchar(120),
    answers        varchar(64)  not null check (answers ~ '^[YN]*$'),
    overall        char(1)      not null check (overall in ('Y', 'N')),
    proposal       varchar(1000),
    source         varchar(8)   not null check (source in ('FORM', 'IMPORT')),
    entered_by     varchar(64)  not null,
    entered_at     timestamptz  not null default now(),
    unique (dossier_id, village_code, household_ref)
);
create index survey_ballot_dossier on survey_ballot (dossier_id, village_code);

-- What other modules may read in SQL (ModuleTablesTests): the recognition history. A xã NTM kiểu mẫu is judged for
-- revocation on the nâng cao set (QĐ 18/2022/QĐ-TTg), hence judged_on_tier.
create view dossiers_v_recognition as
    select unit_code, tier,
           case tier when 'XA_NTM_KIEU_MAU' then 'XA_NTM_NANG_CAO' else tier end as judged_on_tier,
           set_code, since, until, decision_number, decision_date, changed_at
    from recognition;
