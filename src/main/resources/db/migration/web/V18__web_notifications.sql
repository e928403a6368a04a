-- In-app notifications (the bell): one row per recipient. The text is rendered in the reader's language from the kind
-- and its arguments; the link is a path of this site. dedupe_key makes a notification idempotent per recipient (an
-- overdue directive is announced once per deadline, however many times the daily scan runs, on however many nodes).
create table notification (
    id         bigserial primary key,
    username   varchar(64)  not null references app_user (username) on delete cascade,
    kind       varchar(40)  not null,
    args       jsonb        not null default '[]',
    link       varchar(500),
    dedupe_key varchar(200) not null,
    created_at timestamptz  not null,
    read_at    timestamptz,
    unique (username, dedupe_key)
);
create index notification_unread on notification (username) where read_at is null;
create index notification_recent on notification (username, created_at desc, id desc);

-- The daily scan for deadlines: the node whose insert of the day wins runs it (the same guard as digest_sent).
create table notification_scan (
    day        date        primary key,
    ran_at     timestamptz not null,
    created    integer     not null
);
