-- What other modules may read of the accounts in SQL (ModuleTablesTests): who exists and whether they may log in.
create view security_v_user as
    select username, display_name, email, enabled from app_user;
