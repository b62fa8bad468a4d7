-- The archive's view for set-based work (customer.api.CustomerFacts) gains the two facts the evaluation reads:
-- tobacco_share (依存度) and integrity_grade (诚信度). Columns are appended, so existing readers are unaffected.
create or replace view customer_facts as
select c.customer_code, c.county_org_unit_id, c.store_name, c.status, c.market_type, c.retail_format,
       c.business_scale, c.customer_class, c.tier, c.purchase_qty, c.purchase_amount, c.purchase_avg_price,
       c.customer_manager, c.tobacco_share, c.integrity_grade
from customer c;

-- 客户评价: one computation per period (a new one replaces the last), with the weights it used.
create table evaluation_run (
    id                  bigserial primary key,
    period              varchar(7)    not null unique,
    from_date           date          not null,
    to_date             date          not null,
    previous_from       date          not null,
    previous_to         date          not null,
    weight_contribution numeric(6,2)  not null,
    weight_dependence   numeric(6,2)  not null,
    weight_integrity    numeric(6,2)  not null,
    weight_growth       numeric(6,2)  not null,
    weight_cooperation  numeric(6,2)  not null,
    customers           int           not null default 0,
    created_by          varchar(60)   not null,
    created_at          timestamptz   not null
);

-- The purchase totals a run read through classification.api.PurchaseFigures: its inputs, kept with it.
create table evaluation_purchase (
    run_id          bigint        not null references evaluation_run (id) on delete cascade,
    customer_code   varchar(40)   not null,
    qty             numeric(16,2) not null,
    amount          numeric(18,2) not null,
    previous_amount numeric(18,2) not null,
    primary key (run_id, customer_code)
);

-- Scores 0–100 per dimension, the weighted total and the rank (1 + number of customers with a greater total).
create table evaluation_score (
    run_id           bigint        not null references evaluation_run (id) on delete cascade,
    customer_code    varchar(40)   not null,
    store_name       varchar(200),
    county_id        bigint,
    customer_manager varchar(60),
    retail_format    varchar(10),
    contribution     numeric(5,2)  not null,
    dependence       numeric(5,2)  not null,
    integrity        numeric(5,2)  not null,
    growth           numeric(5,2)  not null,
    cooperation      numeric(5,2)  not null,
    total            numeric(5,2)  not null,
    rank             int           not null,
    primary key (run_id, customer_code)
);
create index evaluation_score_rank on evaluation_score (run_id, rank);
create index evaluation_score_customer on evaluation_score (customer_code);
