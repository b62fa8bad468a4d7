-- An administrator's password reset is remembered until the user sets their own password, so the sign-in can tell
-- them who reset it and when.
alter table app_user add column password_reset_at timestamptz;

-- 审计归档: events past the retention (at least 180 days) move here whole, with their ids, and are never edited.
create table audit_event_archive (
    id             bigint       primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(100),
    source_ip      varchar(64),
    action         varchar(64)  not null,
    target_type    varchar(32),
    target_id      varchar(100),
    customer_code  varchar(32),
    outcome        varchar(16)  not null,
    detail         text,
    archived_at    timestamptz  not null default now()
);
create index audit_event_archive_time on audit_event_archive (occurred_at desc);
create trigger audit_event_archive_append_only before update or delete on audit_event_archive
    for each row execute function refuse_change();
create trigger audit_event_archive_no_truncate before truncate on audit_event_archive
    for each statement execute function refuse_change();

-- The live log still refuses every update, and a delete unless the very same row is already in the archive: moving
-- an event is the only way out of audit_event, and it cannot lose or alter one.
drop trigger audit_event_append_only on audit_event;
create trigger audit_event_no_update before update on audit_event
    for each row execute function refuse_change();

create function audit_event_delete_only_archived() returns trigger language plpgsql as $$
begin
    if exists (select 1 from audit_event_archive a
               where a.id = old.id and a.occurred_at = old.occurred_at and a.action = old.action
                 and a.outcome = old.outcome
                 and a.actor is not distinct from old.actor and a.source_ip is not distinct from old.source_ip
                 and a.target_type is not distinct from old.target_type and a.target_id is not distinct from old.target_id
                 and a.customer_code is not distinct from old.customer_code and a.detail is not distinct from old.detail) then
        return old;
    end if;
    raise exception 'audit_event is append-only: DELETE of an event not in the archive refused'
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_delete_only_archived before delete on audit_event
    for each row execute function audit_event_delete_only_archived();
