-- 应急货源报批 (seed 002 §3.4, API.md "Emergency supply"): the brand catalogue with its supply class, the approval
-- threshold, and the requests. A request's id is the id of its workflow case (the engine keeps its steps and to-dos);
-- this table keeps what the paper form holds and the outcome.
create table supply_brand (
    code         varchar(32) primary key,
    name         varchar(100) not null,
    supply_class varchar(16)  not null check (supply_class in ('GENERAL', 'SCARCE', 'CONTROLLED')),
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    version      bigint       not null default 0
);

create table emergency_supply_setting (
    id                   smallint primary key check (id = 1),
    service_head_max_qty integer not null check (service_head_max_qty > 0),
    updated_by           varchar(64),
    updated_at           timestamptz,
    version              bigint  not null default 0
);
insert into emergency_supply_setting (id, service_head_max_qty) values (1, 50);

create table emergency_supply_request (
    id               bigint primary key,
    number           varchar(20)   not null unique,
    customer_code    varchar(20)   not null,
    store_name       varchar(200),
    county_code      varchar(32),
    county_id        bigint,
    customer_manager varchar(64)   not null,
    reason           varchar(20)   not null,
    event_date       date          not null,
    special          boolean       not null,
    note             varchar(500),
    total_qty        numeric(12, 2) not null,
    approver_role    varchar(20)   not null,
    status           varchar(12)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requester        varchar(64)   not null,
    created_at       timestamptz   not null,
    decided_at       timestamptz,
    decided_by       varchar(64),
    supply_on        date,
    version          bigint        not null default 0
);
create index emergency_supply_request_status on emergency_supply_request (status, created_at desc);
create index emergency_supply_request_created on emergency_supply_request (created_at);

create table emergency_supply_line (
    request_id bigint        not null references emergency_supply_request (id),
    line_no    integer       not null,
    brand_code varchar(32)   not null references supply_brand (code),
    qty        numeric(12, 2) not null check (qty > 0),
    primary key (request_id, line_no)
);

create table emergency_supply_number (
    month      varchar(6) primary key,
    last_value integer    not null
);
