-- 服务暂停 (seed 002 §3.2, API.md "Service suspension"): ordering and/or delivery paused for a scope of counties, org
-- units or delivery routes; the ACTIVE customers it reached when announced, with the manager's call mark; and the
-- make-up supply (临时补货) to-dos of key customers once it ends.
create table service_suspension (
    id              bigserial primary key,
    cause           varchar(20)  not null,
    county_codes    text[]       not null default '{}',
    org_unit_codes  text[]       not null default '{}',
    delivery_routes text[]       not null default '{}',
    services        text[]       not null,
    starts_at       timestamptz  not null,
    ends_at         timestamptz,
    notice          varchar(1000) not null,
    cash_settlement boolean      not null,
    status          varchar(10)  not null check (status in ('ACTIVE', 'ENDED')),
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null,
    ended_by        varchar(64),
    ended_at        timestamptz,
    version         bigint       not null default 0,
    check (ends_at is null or ends_at >= starts_at)
);

create table service_suspension_customer (
    suspension_id    bigint      not null references service_suspension (id),
    customer_code    varchar(20) not null,
    store_name       varchar(200),
    county_code      varchar(32),
    customer_manager varchar(64),
    key_customer     boolean     not null,
    notified         boolean     not null default false,
    notified_by      varchar(64),
    notified_at      timestamptz,
    primary key (suspension_id, customer_code)
);
create index service_suspension_customer_code on service_suspension_customer (customer_code);

create table service_makeup_task (
    id            bigserial primary key,
    suspension_id bigint      not null references service_suspension (id),
    customer_code varchar(20) not null,
    store_name    varchar(200),
    manager       varchar(64) not null,
    created_at    timestamptz not null,
    due_at        timestamptz not null,
    done_at       timestamptz,
    done_by       varchar(64),
    note          varchar(500),
    unique (suspension_id, customer_code)
);
create index service_makeup_task_open on service_makeup_task (manager) where done_at is null;
