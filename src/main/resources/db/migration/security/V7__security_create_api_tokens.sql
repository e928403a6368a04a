-- Personal API tokens: random 256-bit secrets shown once; only their SHA-256 is stored. A fast hash is
-- enough for a random secret and spares every API call the cost of bcrypt.
create table api_token (
    id           bigserial primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)    not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);
