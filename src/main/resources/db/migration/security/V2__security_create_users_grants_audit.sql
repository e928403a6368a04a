create table app_user (
    id                   bigserial primary key,
    username             varchar(64)  not null unique,
    display_name         varchar(200) not null,
    email                varchar(200),
    password_hash        varchar(100) not null,
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    version              integer      not null default 0,
    created_at           timestamptz  not null default now()
);

-- A role granted on a unit subtree (unit_code null = the whole country). A sector department may be
-- limited to some criteria, written "SETCODE:number" and separated by commas.
create table role_grant (
    id        bigserial primary key,
    user_id   bigint      not null references app_user (id) on delete cascade,
    role      varchar(32) not null check (role in ('ADMIN', 'COORDINATION', 'SECTOR', 'COMMUNE_OFFICER', 'VILLAGE_BOARD', 'LEADER')),
    unit_code varchar(40) references unit (code),
    criteria  text
);
create index role_grant_user on role_grant (user_id);

create table audit_log (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    username    varchar(64)  not null,
    action      varchar(8)   not null,
    entity_type varchar(64)  not null,
    entity_id   varchar(200) not null,
    unit_code   varchar(40),
    before      jsonb,
    after       jsonb
);
create index audit_log_entity on audit_log (entity_type, entity_id);
create index audit_log_user on audit_log (username, at);
create index audit_log_unit on audit_log (unit_code, at);
create index audit_log_at on audit_log (at);

-- Spring Session JDBC (PostgreSQL schema), so that app nodes stay stateless.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
