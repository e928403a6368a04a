-- Revocation that takes effect at once: a session remembers the epoch it was opened in; changing the password or
-- disabling the account moves the epoch, and every other session of the user ends at its next request.
alter table app_user add column session_epoch integer not null default 0;

-- Tokens expire (90 days unless chosen otherwise at creation); existing tokens get 90 days from their creation.
alter table api_token add column expires_at timestamptz;
update api_token set expires_at = created_at + interval '90 days';
alter table api_token alter column expires_at set not null;

-- Failed logins are counted per account and source address, so that guessing from one address cannot lock the
-- owner out from another; each failure past the fifth doubles the wait.
create table login_failure (
    username       varchar(64)  not null,
    source         varchar(64)  not null,
    failures       integer      not null,
    last_failed_at timestamptz  not null,
    blocked_until  timestamptz,
    primary key (username, source)
);
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;

-- Users are searched by username and name ignoring diacritics (SearchKey, computed by the application; rows written
-- before this column are filled at start-up).
alter table app_user add column search_key varchar(300);
