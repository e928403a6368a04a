-- Documents, organisations, directives (nhiệm vụ) and requests (kiến nghị) with their deadlines, history,
-- attachments, reminder guards and iCalendar tokens. Every editable row carries a version for optimistic locking.

-- Bodies that issue documents and receive directives: UBND xã, Đảng ủy, Ban chỉ đạo, MTTQ, mass
-- organisations, district and provincial departments… each attached to the unit it belongs to.
create table organisation (
    id         bigserial primary key,
    code       varchar(60)  not null unique,
    kind       varchar(32)  not null check (kind in ('PEOPLES_COMMITTEE', 'PARTY_COMMITTEE', 'STEERING_COMMITTEE',
                   'FATHERLAND_FRONT', 'MASS_ORGANISATION', 'VILLAGE_BOARD', 'DEPARTMENT', 'COORDINATION_OFFICE',
                   'PROJECT_BOARD', 'WORKING_GROUP', 'OTHER')),
    name       varchar(300) not null,
    search_key varchar(300) not null,
    unit_code  varchar(40)  not null references unit (code),
    version    integer      not null default 0,
    created_at timestamptz  not null default now()
);
create index organisation_unit on organisation (unit_code);

create table user_organisation (
    username        varchar(64) not null references app_user (username) on delete cascade,
    organisation_id bigint      not null references organisation (id) on delete cascade,
    primary key (username, organisation_id)
);
create index user_organisation_org on user_organisation (organisation_id);

-- issued_on may be blank in drafts ("ngày   tháng   năm 2022"): then only the year is known.
create table document (
    id           bigserial primary key,
    kind         varchar(32)  not null check (kind in ('CONCLUSION_NOTICE', 'PLAN', 'RESOLUTION', 'DECISION',
                     'REPORT', 'OFFICIAL_LETTER', 'SUBMISSION', 'OTHER')),
    number       varchar(100),
    issued_on    date,
    issued_year  integer      not null check (issued_year between 1945 and 2200),
    issuer_id    bigint       not null references organisation (id),
    signer       varchar(200),
    signing_form varchar(4)   check (signing_form in ('TM', 'KT', 'TL')),
    signer_title varchar(300),
    subject      text         not null,
    distribution text,
    search_key   text         not null,
    version      integer      not null default 0,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    check (issued_on is null or extract(year from issued_on) = issued_year)
);
create index document_issuer on document (issuer_id);

create table document_unit (
    document_id bigint      not null references document (id) on delete cascade,
    unit_code   varchar(40) not null references unit (code),
    primary key (document_id, unit_code)
);

-- "implements" a plan or notice, "answers" a notice, "cites" a report (seed 000 answers 381-TB/HU).
create table document_link (
    document_id bigint      not null references document (id) on delete cascade,
    target_id   bigint      not null references document (id),
    relation    varchar(16) not null check (relation in ('IMPLEMENTS', 'ANSWERS', 'CITES')),
    primary key (document_id, target_id, relation),
    check (document_id <> target_id)
);

-- A directive (nhiệm vụ) or a request (kiến nghị) raised by a unit and handed to a handling body.
create table directive (
    id                bigserial primary key,
    document_id       bigint       not null references document (id),
    kind              varchar(16)  not null check (kind in ('DIRECTIVE', 'REQUEST')),
    ref               varchar(20),
    text              text         not null,
    request_text      text,
    raised_by_unit    varchar(40)  references unit (code),
    lead_id           bigint       not null references organisation (id),
    person            varchar(200),
    set_code          varchar(40),
    criterion_number  varchar(10),
    assigned_on       date         not null,
    evidence_required boolean      not null default false,
    status            varchar(16)  not null default 'OPEN' check (status in ('OPEN', 'COMPLETED', 'ACCEPTED')),
    completed_on      date,
    evidence          text,
    accepted_on       date,
    return_reason     text,
    search_key        text         not null,
    version           integer      not null default 0,
    created_by        varchar(64)  not null,
    created_at        timestamptz  not null default now(),
    check ((status = 'OPEN') = (completed_on is null)),
    check ((criterion_number is null) = (set_code is null))
);
create index directive_document on directive (document_id);
create index directive_lead on directive (lead_id);
create index directive_criterion on directive (criterion_number);

create table directive_cooperating (
    directive_id    bigint not null references directive (id) on delete cascade,
    organisation_id bigint not null references organisation (id),
    primary key (directive_id, organisation_id)
);
create index directive_cooperating_org on directive_cooperating (organisation_id);

create table directive_unit (
    directive_id bigint      not null references directive (id) on delete cascade,
    unit_code    varchar(40) not null references unit (code),
    primary key (directive_id, unit_code)
);
create index directive_unit_code on directive_unit (unit_code);

-- Every deadline a directive has had: the original (seq 0) and each extension. The one in force on a
-- day is the last with effective_from <= that day, so a superseded deadline stays visible and history
-- can be replayed as of any date. The wording is kept exactly as written.
create table directive_deadline (
    directive_id   bigint      not null references directive (id) on delete cascade,
    seq            integer     not null,
    kind           varchar(16) not null check (kind in ('NONE', 'DATE', 'MONTH', 'QUARTER', 'YEAR', 'RECURRING')),
    wording        text,
    due_date       date,
    recurrence     varchar(16) check (recurrence in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'ONGOING')),
    effective_from date        not null,
    reason         text,
    changed_by     varchar(64) not null,
    changed_at     timestamptz not null default now(),
    primary key (directive_id, seq),
    check ((kind = 'RECURRING') = (recurrence is not null)),
    check ((kind in ('NONE', 'RECURRING')) = (due_date is null))
);
create index directive_deadline_due on directive_deadline (due_date);

-- Append-only history: progress reports, extensions, completion, acceptance, return.
create table directive_event (
    id           bigserial primary key,
    directive_id bigint      not null references directive (id) on delete cascade,
    kind         varchar(16) not null check (kind in ('PROGRESS', 'EXTENDED', 'COMPLETED', 'ACCEPTED', 'RETURNED')),
    on_date      date        not null,
    note         text,
    percent      smallint    check (percent between 0 and 100),
    by_user      varchar(64) not null,
    at           timestamptz not null default now()
);
create index directive_event_directive on directive_event (directive_id, on_date);

-- PDF, DOCX or TXT up to 10 MB, kept in PostgreSQL so that app nodes stay stateless.
create table attachment (
    id          bigserial primary key,
    document_id bigint       references document (id) on delete cascade,
    event_id    bigint       references directive_event (id) on delete cascade,
    file_name   varchar(255) not null,
    media_type  varchar(100) not null,
    size_bytes  integer      not null check (size_bytes between 1 and 10485760),
    sha256      char(64)     not null,
    content     bytea        not null,
    uploaded_by varchar(64)  not null,
    uploaded_at timestamptz  not null default now(),
    check ((document_id is null) <> (event_id is null))
);
create index attachment_document on attachment (document_id);
create index attachment_event on attachment (event_id);

-- Where a user's digest goes and their iCalendar token (only its SHA-256 is stored; revoking = deleting it).
create table reminder_subscription (
    username        varchar(64)  primary key references app_user (username) on delete cascade,
    email           varchar(200),
    ical_token_hash char(64)     unique,
    version         integer      not null default 0,
    updated_at      timestamptz  not null default now()
);

-- At most one digest per user and day, whichever app node gets there first.
create table digest_sent (
    username varchar(64) not null,
    day      date        not null,
    items    integer     not null,
    sent_at  timestamptz not null default now(),
    primary key (username, day)
);
