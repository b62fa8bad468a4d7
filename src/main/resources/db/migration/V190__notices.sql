-- 信息互通 (API.md "Information push"): notices by kind to an audience of counties, formats and classes; the ACTIVE
-- customers the audience held when the notice was published, each with its reading receipt; and the outbox of the
-- webhook to the retailer channel, one row per batch of recipients, delivered once across instances.
create table notice (
    id               bigserial    primary key,
    kind             varchar(10)  not null check (kind in ('MARKET', 'POLICY', 'SUPPLY')),
    title            varchar(100) not null,
    body             varchar(4000) not null,
    county_codes     text[]       not null default '{}',
    retail_formats   text[]       not null default '{}',
    customer_classes text[]       not null default '{}',
    publish_at       timestamptz  not null,
    status           varchar(10)  not null check (status in ('SCHEDULED', 'PUBLISHED')),
    published_at     timestamptz,
    recipient_count  int          not null default 0,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null,
    version          bigint       not null default 0
);
create index notice_scheduled on notice (publish_at) where status = 'SCHEDULED';

-- The recipients as they were at publishing (store name, county, manager then), batch_no names their outbox row.
create table notice_recipient (
    notice_id          bigint       not null references notice (id),
    customer_code      varchar(40)  not null,
    store_name         varchar(200),
    county_org_unit_id bigint,
    customer_manager   varchar(64),
    batch_no           int          not null,
    read_at            timestamptz,
    receipt_at         timestamptz,
    primary key (notice_id, customer_code)
);
create index notice_recipient_customer on notice_recipient (customer_code, notice_id);

-- 投递 outbox: PENDING until the retailer channel answered 2xx (DELIVERED); FAILED after the last attempt;
-- NO_TARGET when no webhook URL was configured (nothing was sent).
create table notice_delivery (
    id              bigserial    primary key,
    notice_id       bigint       not null references notice (id),
    batch_no        int          not null,
    status          varchar(10)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'NO_TARGET')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    delivered_at    timestamptz,
    created_at      timestamptz  not null,
    unique (notice_id, batch_no)
);
create index notice_delivery_due on notice_delivery (next_attempt_at) where status = 'PENDING';
