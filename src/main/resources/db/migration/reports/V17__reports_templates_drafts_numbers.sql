-- Document templates edited by administrators: every save is a new version, never changed afterwards.
-- scope is 'VN' for the national template of a kind or a province's unit code for its own.
create table report_template (
    id          bigserial primary key,
    kind        text        not null,
    scope       text        not null,
    version     int         not null check (version > 0),
    body        text        not null,
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    unique (kind, scope, version)
);

-- A document being written: the subject it is generated from, the template version it was started on, the header,
-- signature and recipients as set, the free-text sections, and once issued its number and registered document.
create table report_draft (
    id                     bigserial primary key,
    kind                   text        not null,
    unit_code              text        not null,
    period_from            date,
    period_to              date,
    plan_id                bigint,
    source_document_id     bigint,
    template_scope         text        not null,
    template_version       int         not null,
    record_day             date        not null,
    issuer_id              bigint,
    superior_body          text,
    issuing_body           text,
    issuer_code            text,
    place                  text,
    issued_on              date,
    issued_year            int         not null,
    summary                text,
    signature_authority    text,
    signature_title        text,
    signer_name            text,
    recipients             text,
    texts                  jsonb       not null default '{}'::jsonb,
    status                 text        not null default 'DRAFT' check (status in ('DRAFT', 'ISSUED')),
    number                 int,
    number_text            text,
    registered_document_id bigint,
    created_by             text        not null,
    created_at             timestamptz not null default now(),
    updated_by             text,
    updated_at             timestamptz,
    issued_by              text,
    issued_at              timestamptz,
    version                int         not null default 0
);
create index report_draft_unit on report_draft (unit_code, created_at desc);

-- The last number given per issuer, kind and year: "Số: 07/TB-UBND" is taken under this row's lock.
create table report_number (
    issuer_id bigint not null,
    kind      text   not null,
    year      int    not null,
    last      int    not null,
    primary key (issuer_id, kind, year)
);
