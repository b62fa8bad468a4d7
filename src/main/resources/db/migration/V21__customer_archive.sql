-- 客户档案: one row per licensed retailer. Fixed dictionary fields are real columns (searched and aggregated);
-- sensitive ones hold ciphertext tagged with algorithm and key id; custom fields live in custom_fields.
create extension if not exists pg_trgm;

create table customer (
    id                         bigserial primary key,
    -- the county marketing department (org unit of type COUNTY) the customer belongs to
    county_org_unit_id         bigint       not null,
    customer_code              varchar(40),
    licence_no                 varchar(40),
    store_name                 varchar(100),
    responsible_person         varchar(50),
    id_card_no                 text,
    credit_code                varchar(40),
    licence_issue_date         date,
    licence_expiry_date        date,
    licence_issuing_bureau     varchar(100),
    address                    varchar(200),
    admin_region               varchar(40),
    market_type                varchar(32),
    retail_format              varchar(32),
    business_nature            varchar(32),
    business_scope             varchar(500),
    business_area              numeric(16,2),
    registered_capital         numeric(16,2),
    contact_person             varchar(50),
    order_phone                text,
    mobile_phone               text,
    home_address               text,
    mailing_address            varchar(200),
    bank_name                  varchar(100),
    bank_account               text,
    taxpayer_no                varchar(30),
    tax_type                   varchar(32),
    settlement_method          varchar(32),
    order_method               varchar(32),
    status                     varchar(32),
    longitude                  numeric(16,6),
    latitude                   numeric(16,6),
    opening_hours              varchar(100),
    customer_manager           varchar(50),
    order_frequency            varchar(32),
    order_batch                varchar(50),
    order_day                  varchar(32),
    delivery_route             varchar(50),
    delivery_sequence          integer,
    delivery_staff             varchar(50),
    visit_batch                varchar(50),
    business_scale             varchar(32),
    purchase_qty               numeric(16,2),
    purchase_amount            numeric(16,2),
    purchase_avg_price         numeric(16,2),
    brand_count                integer,
    display_form               varchar(32),
    counter_count              integer,
    has_cash_register          boolean,
    terminal_type              varchar(32),
    consumer_group             varchar(100),
    tobacco_share              numeric(16,2),
    law_abiding_status         varchar(32),
    customer_class             varchar(20),
    integrity_grade            varchar(32),
    tier                       integer,
    monitored                  boolean,
    demonstration              boolean,
    monopoly_officer           varchar(50),
    phone_order_clerk          varchar(50),
    quota_category             varchar(50),
    monthly_agreed_qty         integer,
    total_limit                integer,
    annual_review_date         date,
    vulnerable_group           boolean,
    group_customer             boolean,
    visit_cycle                varchar(32),
    storefront_photo           varchar(100),
    counter_photo              varchar(100),
    custom_fields              jsonb        not null default '{}'::jsonb,
    -- lower-case pinyin initials of store_name, computed at save (hxcs for 华信超市)
    store_name_initials        varchar(100) not null default '',
    -- HMAC-SHA256 of the normalised phone, so an exact phone can be found without decrypting
    order_phone_hash           char(64),
    mobile_phone_hash          char(64),
    version                    bigint       not null default 0,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null,
    created_by                 varchar(50),
    constraint customer_code_unique unique (customer_code),
    constraint customer_licence_unique unique (licence_no)
);
alter table customer alter column customer_code set not null;
alter table customer alter column licence_no set not null;
alter table customer alter column store_name set not null;
alter table customer alter column status set not null;
alter table customer add constraint customer_status_known check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'CANCELLED'));

-- code and licence prefix search (text_pattern_ops makes LIKE 'abc%' use the index)
create index customer_code_prefix on customer (customer_code text_pattern_ops);
create index customer_licence_prefix on customer (licence_no text_pattern_ops);
create index customer_store_name_trgm on customer using gin (store_name gin_trgm_ops);
create index customer_initials_prefix on customer (store_name_initials text_pattern_ops);
create index customer_initials_trgm on customer using gin (store_name_initials gin_trgm_ops);
create index customer_order_phone_hash on customer (order_phone_hash) where order_phone_hash is not null;
create index customer_mobile_phone_hash on customer (mobile_phone_hash) where mobile_phone_hash is not null;
create index customer_manager_idx on customer (customer_manager);
create index customer_county_idx on customer (county_org_unit_id);
create index customer_status_idx on customer (status);
create index customer_licence_expiry on customer (licence_expiry_date);
create index customer_annual_review on customer (annual_review_date);
create index customer_custom_fields on customer using gin (custom_fields jsonb_path_ops);

-- 修改台账: every changed field, who, when and through which request. Never edited or deleted.
create table customer_history (
    id             bigserial primary key,
    customer_id    bigint       not null references customer (id),
    customer_code  varchar(40)  not null,
    field          varchar(40)  not null,
    -- values as text; values of sensitive fields are ciphertext like the columns they come from
    old_value      text,
    new_value      text,
    changed_by     varchar(100) not null,
    changed_at     timestamptz  not null,
    source         varchar(80)  not null,
    reason         varchar(500)
);
create index customer_history_customer on customer_history (customer_id, changed_at desc, id desc);

create trigger customer_history_append_only before update or delete on customer_history
    for each row execute function refuse_change();
create trigger customer_history_no_truncate before truncate on customer_history
    for each statement execute function refuse_change();
