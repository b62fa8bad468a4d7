-- Foundation: organisation tree, users and their roles, authentication state, and the append-only audit log.

create table org_unit (
    id          bigserial primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    type        varchar(16)  not null check (type in ('COMPANY', 'DEPARTMENT', 'COUNTY', 'AREA')),
    parent_id   bigint references org_unit (id),
    sort_order  int          not null default 0,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now()
);
create index org_unit_parent on org_unit (parent_id);
-- Only one root: the company.
create unique index org_unit_single_root on org_unit ((parent_id is null)) where parent_id is null;

create table app_user (
    id                        bigserial primary key,
    username                  varchar(50)  not null unique,
    display_name              varchar(50)  not null,
    org_unit_id               bigint       not null references org_unit (id),
    supervisor_id             bigint references app_user (id),
    enabled                   boolean      not null default true,
    password_hash             varchar(200) not null,
    password_changed_at       timestamptz  not null default now(),
    password_change_required  boolean      not null default true,
    mfa_secret                varchar(64),
    mfa_enabled               boolean      not null default false,
    phone                     varchar(20),
    version                   bigint       not null default 0,
    created_at                timestamptz  not null default now(),
    check (supervisor_id is null or supervisor_id <> id)
);
create index app_user_org on app_user (org_unit_id);
create index app_user_supervisor on app_user (supervisor_id);

create table user_role (
    user_id  bigint      not null references app_user (id) on delete cascade,
    role     varchar(32) not null,
    primary key (user_id, role)
);
create index user_role_role on user_role (role);

-- AB岗: a backup person acts for the user in a date range.
create table user_delegation (
    id          bigserial primary key,
    user_id     bigint      not null references app_user (id),
    backup_id   bigint      not null references app_user (id),
    starts_on   date        not null,
    ends_on     date        not null,
    created_at  timestamptz not null default now(),
    check (ends_on >= starts_on),
    check (backup_id <> user_id)
);
create index user_delegation_user on user_delegation (user_id, starts_on, ends_on);

create table password_history (
    id             bigserial primary key,
    user_id        bigint       not null references app_user (id) on delete cascade,
    password_hash  varchar(200) not null,
    created_at     timestamptz  not null default now()
);
create index password_history_user on password_history (user_id, created_at desc);

create table auth_token (
    token_hash  char(64)    primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    source_ip   varchar(64)
);
create index auth_token_user on auth_token (user_id) where revoked_at is null;

create table login_attempt (
    id          bigserial primary key,
    username    varchar(100) not null,
    source_ip   varchar(64)  not null,
    succeeded   boolean      not null,
    at          timestamptz  not null
);
create index login_attempt_user on login_attempt (username, at desc) where not succeeded;
create index login_attempt_ip on login_attempt (source_ip, at desc) where not succeeded;

-- Security policy set by SECURITY_ADMIN; the defaults are the rules of DOMAIN.md §9 and API.md.
create table security_policy (
    id                         int primary key check (id = 1),
    password_min_length        int     not null default 10,
    password_min_classes       int     not null default 3,
    password_history_count     int     not null default 5,
    password_max_age_days      int     not null default 90,
    lockout_threshold          int     not null default 5,
    lockout_window_minutes     int     not null default 15,
    lockout_duration_minutes   int     not null default 15,
    ip_failure_threshold       int     not null default 20,
    token_ttl_minutes          int     not null default 480,
    mfa_required_for_admins    boolean not null default false,
    version                    bigint  not null default 0
);
insert into security_policy (id) values (1);

create table audit_event (
    id             bigserial primary key,
    occurred_at    timestamptz  not null default now(),
    actor          varchar(100),
    source_ip      varchar(64),
    action         varchar(64)  not null,
    target_type    varchar(32),
    target_id      varchar(100),
    customer_code  varchar(32),
    outcome        varchar(16)  not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    detail         text
);
create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_actor on audit_event (actor, occurred_at desc);
create index audit_event_action on audit_event (action, occurred_at desc);
create index audit_event_customer on audit_event (customer_code, occurred_at desc) where customer_code is not null;

-- The audit log is append-only for everyone, the application's own database user included.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_change();
