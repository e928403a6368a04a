-- Administrative units over time: a unit keeps its code for life; names, parents and
-- classifications are dated periods (valid_to inclusive, null = still valid).
create table unit (
    id            bigserial primary key,
    code          varchar(40)  not null unique,
    kind          varchar(32)  not null,
    level         smallint     not null check (level between 1 and 4),
    official_code boolean      not null default false,
    valid_from    date         not null,
    valid_to      date,
    version       integer      not null default 0,
    created_at    timestamptz  not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);

create table unit_name (
    id         bigserial primary key,
    unit_id    bigint       not null references unit (id) on delete cascade,
    name       varchar(200) not null,
    search_key varchar(200) not null,
    valid_from date         not null,
    valid_to   date,
    check (valid_to is null or valid_to >= valid_from)
);
create index unit_name_unit on unit_name (unit_id);
create index unit_name_search on unit_name (search_key varchar_pattern_ops);

create table unit_parent (
    id         bigserial primary key,
    unit_id    bigint not null references unit (id) on delete cascade,
    parent_id  bigint not null references unit (id),
    valid_from date   not null,
    valid_to   date,
    check (valid_to is null or valid_to >= valid_from),
    check (unit_id <> parent_id)
);
create index unit_parent_unit on unit_parent (unit_id);
create index unit_parent_parent on unit_parent (parent_id);

-- Derived from unit_parent by UnitPaths.rebuild(): one row per period in which the unit's chain of
-- ancestors is constant. A subtree as of a date is a prefix match on path.
create table unit_path (
    unit_id    bigint   not null references unit (id) on delete cascade,
    path       text     not null,
    depth      smallint not null,
    valid_from date     not null,
    valid_to   date
);
create index unit_path_prefix on unit_path (path text_pattern_ops);
create index unit_path_unit on unit_path (unit_id);

-- Vùng (7 regions, 2016–2025 criteria sets), commune group (2026–2030 set), and the flags that make a
-- commune use the northern-mountain thresholds (QĐ 318/QĐ-TTg, Điều 1).
create table unit_classification (
    id                       bigserial primary key,
    unit_id                  bigint     not null references unit (id) on delete cascade,
    region                   varchar(8) check (region in ('TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL')),
    commune_group            smallint   check (commune_group between 1 and 3),
    especially_disadvantaged boolean    not null default false,
    safe_zone_poor_district  boolean    not null default false,
    valid_from               date       not null,
    valid_to                 date,
    check (valid_to is null or valid_to >= valid_from)
);
create index unit_classification_unit on unit_classification (unit_id);

create table unit_event (
    id             bigserial primary key,
    kind           varchar(16)  not null check (kind in ('MERGE', 'SPLIT', 'REPARENT', 'RENAME', 'ABOLISH')),
    effective_date date         not null,
    legal_basis    varchar(200),
    note           text,
    created_at     timestamptz  not null default now()
);

create table unit_lineage (
    event_id       bigint not null references unit_event (id) on delete cascade,
    predecessor_id bigint not null references unit (id),
    successor_id   bigint not null references unit (id),
    primary key (event_id, predecessor_id, successor_id)
);
create index unit_lineage_successor on unit_lineage (successor_id);
create index unit_lineage_predecessor on unit_lineage (predecessor_id);
