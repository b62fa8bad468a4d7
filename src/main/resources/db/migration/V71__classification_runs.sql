-- 分类运行: one computation of scale (经营规模), class code (综合分类) and tier (档位) for a month or a quarter,
-- with the inputs' totals per format. Applied to the archive at most once.
create table classification_run (
    id            bigserial    primary key,
    period        varchar(7)   not null check (period ~ '^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
    period_from   date         not null,
    period_to     date         not null,
    status        varchar(12)  not null check (status in ('COMPUTED', 'APPLIED')),
    -- the tier configuration the run used: N and each tier's share in percent, best tier first
    tier_count    int          not null,
    tier_shares   numeric[]    not null,
    changed       int          not null default 0,
    created_by    varchar(50)  not null,
    created_at    timestamptz  not null,
    applied_by    varchar(50),
    applied_at    timestamptz
);
create index classification_run_period on classification_run (period, id desc);

-- the run's inputs per format: ACTIVE customers, their purchase totals; unclassified when a total is zero
create table classification_run_format (
    run_id         bigint        not null references classification_run (id),
    retail_format  varchar(32)   not null,
    customers      int           not null,
    total_qty      numeric(18,2) not null,
    total_amount   numeric(20,2) not null,
    classified     boolean       not null,
    -- customers whose class code the run changes (a new class different from the archive's at compute time)
    changed        int           not null,
    primary key (run_id, retail_format)
);

-- one row per ACTIVE customer at compute time; score, rank, scale, class and tier are null in an unclassified format.
-- run_id has no foreign key: the rows are written by the statement that computes the run, in the run's transaction,
-- and runs are never deleted; a per-row key check cost a quarter of a 300,000-customer run.
create table classification_result (
    run_id              bigint        not null,
    customer_code       varchar(40)   not null,
    county_org_unit_id  bigint        not null,
    market_type         varchar(32),
    retail_format       varchar(32)   not null,
    qty                 numeric(18,2) not null,
    amount              numeric(20,2) not null,
    score               numeric,
    rank                int,
    business_scale      varchar(1),
    customer_class      varchar(20),
    tier                int,
    previous_scale      varchar(32),
    previous_class      varchar(20),
    previous_tier       int
);
-- the only index (one customer per run comes from the archive's unique code): pages in format, rank, code order
create index classification_result_rank on classification_result (run_id, retail_format, rank, customer_code);
