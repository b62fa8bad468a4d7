-- Every node caches API tokens (token -> signed-in user) so that a request costs no database round trip for its
-- authentication. Any change that could end or alter such a sign-in tells every node at commit, through
-- NOTIFY crm_auth: the payload is the user's id, or '*' when the security policy changed (it touches everyone).
-- Triggers and not the Java code paths, so that no path (a future service, a DBA's UPDATE, a restore) is missed.
create function crm_auth_changed() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'security_policy' then
        perform pg_notify('crm_auth', '*');
    elsif tg_table_name = 'app_user' then
        perform pg_notify('crm_auth', coalesce(new.id, old.id)::text);
    else
        perform pg_notify('crm_auth', coalesce(new.user_id, old.user_id)::text);
    end if;
    return null;
end
$$;

create trigger auth_token_changed after update or delete on auth_token
    for each row execute function crm_auth_changed();
create trigger app_user_changed after update or delete on app_user
    for each row execute function crm_auth_changed();
create trigger user_role_changed after insert or update or delete on user_role
    for each row execute function crm_auth_changed();
create trigger security_policy_changed after update on security_policy
    for each statement execute function crm_auth_changed();
