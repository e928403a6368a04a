-- Registers a commune keeps and that feed indicators: households with their status per year, OCOP products with
-- their certificates, and model residential areas and gardens with their recognition.

-- A household of a village. Name and identity number are personal data (Nghị định 13/2023/NĐ-CP): optional,
-- shown only to the commune and village roles of the unit (see PersonalDataPolicy).
create table household (
    id            bigserial primary key,
    village_code  varchar(40)  not null references unit (code),
    code          varchar(40)  not null,
    head_name     varchar(120),
    id_number     varchar(12),
    address       varchar(200),
    -- generated demo data, never a real household
    demo          boolean      not null default false,
    search_key    varchar(400) not null default '',
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    updated_by    varchar(64),
    updated_at    timestamptz,
    version       integer      not null default 0,
    unique (village_code, code)
);

-- The household as reviewed for one year: poverty status under the standard in force that year (2022–2025 and
-- 2026: Nghị định 07/2021/NĐ-CP), members and insured members, housing, water, the cadre assigned to help it.
create table household_year (
    household_id     bigint       not null references household (id) on delete cascade,
    year             integer      not null check (year between 2000 and 2100),
    status           varchar(12)  not null check (status in ('NGHEO', 'CAN_NGHEO', 'THOAT_NGHEO', 'KHONG')),
    members          integer      not null check (members between 1 and 50),
    insured_members  integer      not null check (insured_members >= 0 and insured_members <= members),
    housing_standard boolean,
    clean_water      boolean,
    -- codes of the 12 deprivation indicators (Deprivation), optional
    deprivations     varchar(24)[] not null default '{}',
    cadre            varchar(120),
    cadre_key        varchar(120),
    note             varchar(500),
    import_id        bigint,
    updated_by       varchar(64)  not null,
    updated_at       timestamptz  not null default now(),
    version          integer      not null default 0,
    primary key (household_id, year)
);
create index household_year_year on household_year (year, status);

-- One XLSX import: what was read, by whom, with the file's digest; its rows point here.
create table household_import (
    id          bigserial primary key,
    unit_code   varchar(40)  not null references unit (code),
    year        integer      not null,
    file_name   varchar(255),
    sha256      char(64)     not null,
    rows_read   integer      not null,
    created     integer      not null,
    updated     integer      not null,
    imported_by varchar(64)  not null,
    imported_at timestamptz  not null default now()
);

create table ocop_product (
    id            bigserial primary key,
    commune_code  varchar(40)  not null references unit (code),
    name          varchar(200) not null,
    owner_name    varchar(200) not null,
    owner_kind    varchar(12)  not null check (owner_kind in ('HOUSEHOLD', 'COOPERATIVE', 'ENTERPRISE')),
    category      varchar(24)  not null,
    demo          boolean      not null default false,
    search_key    varchar(600) not null default '',
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    updated_by    varchar(64),
    updated_at    timestamptz,
    version       integer      not null default 0
);
create index ocop_product_commune on ocop_product (commune_code);

-- Each rating is a certificate; a re-evaluation adds one. valid_until = issued_on + 36 months − 1 day (OcopValidity).
create table ocop_certificate (
    id          bigserial primary key,
    product_id  bigint       not null references ocop_product (id) on delete cascade,
    number      varchar(60)  not null,
    issued_on   date         not null,
    stars       smallint     not null check (stars between 3 and 5),
    valid_until date         not null check (valid_until >= issued_on),
    withdrawn_on date,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    unique (product_id, number)
);
create index ocop_certificate_validity on ocop_certificate (valid_until, issued_on);

create table model_area (
    id              bigserial primary key,
    village_code    varchar(40)  not null references unit (code),
    kind            varchar(16)  not null check (kind in ('RESIDENTIAL_AREA', 'GARDEN')),
    name            varchar(200) not null,
    set_code        varchar(64),
    decision_number varchar(60)  not null,
    recognised_on   date         not null,
    revoked_on      date,
    note            varchar(500),
    demo            boolean      not null default false,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    updated_by      varchar(64),
    updated_at      timestamptz,
    version         integer      not null default 0,
    check (revoked_on is null or revoked_on > recognised_on)
);
create index model_area_village on model_area (village_code, kind);
