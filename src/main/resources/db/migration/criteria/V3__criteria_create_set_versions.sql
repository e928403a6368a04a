-- Each version of a criteria set is one immutable document once published. The YAML source is what an
-- administrator edits in a draft; the JSON is the validated model every other module reads.
create table criteria_set_version (
    id                   bigserial primary key,
    code                 varchar(64)  not null,
    version              integer      not null,
    title                text         not null,
    tier                 varchar(32)  not null,
    scope_code           varchar(40),
    scope_name           varchar(100),
    status               varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    valid_from           date,
    valid_to             date,
    derived_from_code    varchar(64),
    derived_from_version integer,
    criteria_count       integer      not null,
    indicator_count      integer      not null,
    provisional          boolean      not null,
    source_file          varchar(200),
    source_yaml          text         not null,
    definition           jsonb        not null,
    content_hash         varchar(100) not null,
    row_version          integer      not null default 0,
    created_by           varchar(64)  not null default 'system',
    created_at           timestamptz  not null default now(),
    published_at         timestamptz,
    unique (code, version)
);
create index criteria_set_version_status on criteria_set_version (status, code);
