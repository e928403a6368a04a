-- Plan frameworks (khung kế hoạch): a unit's target, the tasks per criterion with volume, roadmap, cost by
-- funding source and assignee, their progress, the funds actually mobilised, and the steering committee.
create table plan (
    id              bigserial primary key,
    unit_code       varchar(40)  not null references unit (code),
    title           text         not null,
    target_tier     varchar(32)  not null,
    set_code        varchar(64)  not null,
    set_version     integer      not null,
    target_date     date         not null,
    status          varchar(16)  not null check (status in ('DRAFT', 'APPROVED', 'REVISED')),
    approved_body   text,
    approved_by     varchar(64),
    approved_on     date,
    -- a village plan rolls up into its commune's plan once the commune has approved it
    parent_plan_id  bigint references plan (id),
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    updated_by      varchar(64),
    updated_at      timestamptz,
    version         integer      not null default 0,
    foreign key (set_code, set_version) references criteria_set_version (code, version)
);
create index plan_unit on plan (unit_code, target_date desc);
create index plan_parent on plan (parent_plan_id);

-- Every approval freezes the plan as it was approved; later changes are compared with the latest one.
create table plan_baseline (
    id           bigserial primary key,
    plan_id      bigint       not null references plan (id) on delete cascade,
    approved_body text        not null,
    approved_by  varchar(64)  not null,
    approved_on  date         not null,
    snapshot     jsonb        not null,
    created_at   timestamptz  not null default now()
);
create index plan_baseline_plan on plan_baseline (plan_id, id desc);

create table plan_task (
    id               bigserial primary key,
    plan_id          bigint        not null references plan (id) on delete cascade,
    criterion_number integer,
    indicator_code   varchar(16),
    description      text          not null,
    kind             varchar(16)   not null check (kind in ('WORKS', 'CAMPAIGN', 'RECURRING', 'OTHER')),
    site_clearance   varchar(16)   check (site_clearance in ('NOT_NEEDED', 'NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    volume_quantity  numeric(18, 3) check (volume_quantity >= 0),
    volume_unit      varchar(40),
    start_date       date,
    deadline         date,
    recurrence       text,
    lead_body        text,
    lead_person      text,
    cooperating      text,
    stated_total     bigint        check (stated_total >= 0),
    status           varchar(16)   not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    percent_done     integer       not null default 0 check (percent_done between 0 and 100),
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null default now(),
    updated_by       varchar(64),
    updated_at       timestamptz,
    version          integer       not null default 0
);
create index plan_task_plan on plan_task (plan_id, criterion_number);

create table plan_task_cost (
    task_id  bigint      not null references plan_task (id) on delete cascade,
    source   varchar(32) not null,
    amount   bigint      not null check (amount >= 0),
    primary key (task_id, source)
);

create table plan_task_progress (
    id           bigserial primary key,
    task_id      bigint       not null references plan_task (id) on delete cascade,
    reported_on  date         not null,
    percent_done integer      not null check (percent_done between 0 and 100),
    note         text,
    attachment   text,
    reported_by  varchar(64)  not null,
    reported_at  timestamptz  not null default now()
);
create index plan_task_progress_task on plan_task_progress (task_id, reported_on desc);

-- Funds actually mobilised (seed 001: "Tổng nguồn vốn … Trong đó: Huyện …; Xã …"), amounts in đồng.
create table fund_entry (
    id               bigserial primary key,
    unit_code        varchar(40)  not null references unit (code),
    year             integer      not null,
    source           varchar(32)  not null,
    amount           bigint       not null check (amount >= 0),
    task_id          bigint references plan_task (id),
    criterion_number integer,
    note             text,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null default now()
);
create index fund_entry_unit on fund_entry (unit_code, year);

create table committee_member (
    id         bigserial primary key,
    unit_code  varchar(40)  not null references unit (code),
    name       text         not null,
    role       text         not null,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now()
);
create index committee_member_unit on committee_member (unit_code);

-- Seed 004 §2.1: members answer for criteria and for villages.
create table committee_assignment (
    id               bigserial primary key,
    member_id        bigint      not null references committee_member (id) on delete cascade,
    criterion_number integer,
    village_code     varchar(40) references unit (code),
    check (criterion_number is not null or village_code is not null)
);

-- Seed 004 §2.5: each member reports weekly what was done and the problems beyond their reach.
create table committee_weekly_report (
    id          bigserial primary key,
    member_id   bigint      not null references committee_member (id) on delete cascade,
    week_start  date        not null,
    done        text        not null,
    problems    text,
    created_by  varchar(64) not null,
    created_at  timestamptz not null default now(),
    unique (member_id, week_start)
);
