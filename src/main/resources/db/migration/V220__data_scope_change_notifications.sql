-- Every node also caches each user's data scope (the managers of a market manager's team, the units of a county), so
-- that a search reads neither the reporting lines nor the organisation tree. A scope changes with other users' rows
-- (a new report, a changed supervisor) and with the tree: besides V200's notifications, a new user names their id
-- (their supervisor's team may grow) and any change of the tree sends 'org' on the same channel.
create trigger app_user_inserted after insert on app_user
    for each row execute function crm_auth_changed();

create function crm_org_tree_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('crm_auth', 'org');
    return null;
end
$$;

create trigger org_unit_changed after insert or update or delete or truncate on org_unit
    for each statement execute function crm_org_tree_changed();
