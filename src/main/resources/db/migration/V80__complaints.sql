-- 投诉与反馈 (DOMAIN.md §6): complaints, their timeline, callbacks (三级回访) and the per-month number sequence.

create table complaint_number (
    month char(6) primary key,
    last_value integer not null
);

create table complaint (
    id                       bigserial primary key,
    number                   varchar(20) not null unique,
    channel                  varchar(30) not null,
    category                 varchar(30) not null,
    priority                 varchar(10) not null,
    status                   varchar(20) not null,
    customer_code            varchar(20),
    customer_county_code     varchar(40),
    customer_manager         varchar(64),
    customer_county_id       bigint,
    store_name               varchar(200),
    contact_name             varchar(100) not null,
    contact_phone            varchar(30) not null,
    description              text not null,
    accused_employee         varchar(64),
    received_at              timestamptz not null,
    created_at               timestamptz not null,
    first_contact_owner      varchar(64) not null,
    assignee                 varchar(64),
    assignee_org_unit_id     bigint,
    due_first_response_at    timestamptz not null,
    due_resolution_at        timestamptz not null,
    first_response_at        timestamptz,
    resolved_at              timestamptz,
    closed_at                timestamptz,
    reply                    text,
    cause                    varchar(100),
    paused_at                timestamptz,
    pause_reason             varchar(500),
    paused_seconds           bigint not null default 0,
    callback_round           integer not null default 0,
    reopened_count           integer not null default 0,
    response_escalated_at    timestamptz,
    resolution_escalated_at  timestamptz,
    duplicate_of             bigint references complaint (id),
    version                  bigint not null default 0
);

create index complaint_status on complaint (status);
create index complaint_received on complaint (received_at);
create index complaint_customer on complaint (customer_code, category, received_at);
create index complaint_assignee on complaint (assignee);
create index complaint_open_due on complaint (due_resolution_at) where status not in ('RESOLVED', 'CALLED_BACK', 'CLOSED');

create table complaint_event (
    id            bigserial primary key,
    complaint_id  bigint not null references complaint (id),
    at            timestamptz not null,
    actor         varchar(64) not null,
    action        varchar(30) not null,
    from_status   varchar(20),
    to_status     varchar(20),
    message       text
);

create index complaint_event_of on complaint_event (complaint_id, id);

create table complaint_callback (
    id            bigserial primary key,
    complaint_id  bigint not null references complaint (id),
    round         integer not null,
    level         varchar(30) not null,
    satisfaction  varchar(30) not null,
    note          text,
    actor         varchar(64) not null,
    at            timestamptz not null
);

create index complaint_callback_of on complaint_callback (complaint_id, round);
