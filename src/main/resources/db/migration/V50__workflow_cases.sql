-- 办件: our own record of each case (the engine's ACT_* tables hold only the running process state). The engine
-- creates its tables itself after Flyway has run (workflow.engine.EngineSetup).
create table wf_case (
    id                  bigserial primary key,
    case_type           varchar(40)  not null,
    title               varchar(200) not null,
    process_instance_id varchar(64)  unique,
    scope_org_unit_id   bigint       not null references org_unit (id),
    customer_code       varchar(16),
    status              varchar(16)  not null default 'OPEN' check (status in ('OPEN', 'COMPLETED', 'REJECTED')),
    started_by          varchar(64)  not null,
    started_at          timestamptz  not null,
    due_at              timestamptz  not null,
    ended_at            timestamptz,
    data                jsonb        not null default '{}'::jsonb,
    version             bigint       not null default 0
);
create index wf_case_type_started on wf_case (case_type, started_at desc);
create index wf_case_open on wf_case (scope_org_unit_id) where status = 'OPEN';
create index wf_case_customer on wf_case (customer_code) where customer_code is not null;

-- 办理记录: one row per completed task; acting_for is the user a backup (AB岗) acted for.
create table wf_trail (
    id              bigserial primary key,
    case_id         bigint       not null references wf_case (id),
    step            int          not null,
    step_key        varchar(64)  not null,
    step_name       varchar(200) not null,
    task_id         varchar(64)  not null,
    action          varchar(16)  not null,
    actor           varchar(64)  not null,
    acting_for      varchar(64),
    comment         varchar(1000),
    data            jsonb        not null default '{}'::jsonb,
    task_created_at timestamptz  not null,
    task_due_at     timestamptz,
    at              timestamptz  not null
);
create index wf_trail_case on wf_trail (case_id, id);

-- 通知: shown in the top bar; (username, kind, reference) makes telling twice a no-op.
create table wf_notification (
    id          bigserial primary key,
    username    varchar(64)  not null,
    kind        varchar(40)  not null,
    reference   varchar(100) not null,
    message_key varchar(100) not null,
    args        jsonb        not null default '[]'::jsonb,
    link        varchar(300),
    created_at  timestamptz  not null,
    read_at     timestamptz,
    unique (username, kind, reference)
);
create index wf_notification_unread on wf_notification (username, created_at desc) where read_at is null;

-- A task is flagged overdue once (the event is published by whoever inserts the row).
create table wf_overdue_task (
    task_id    varchar(64) primary key,
    case_id    bigint      not null references wf_case (id),
    flagged_at timestamptz not null
);

-- Customer codes of onboarded retailers: county digits + this sequence.
create sequence onboarding_customer_seq start 1;
