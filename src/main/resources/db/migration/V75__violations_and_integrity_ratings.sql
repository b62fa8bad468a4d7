-- 违规记录: a violation of the tobacco monopoly rules found by a monopoly officer. county_id and customer_manager are
-- the customer's at recording time, so lists can be cut to a data scope in SQL.
create table violation (
    id               bigserial primary key,
    customer_code    varchar(20)   not null,
    county_id        bigint,
    customer_manager varchar(60),
    occurred_on      date          not null,
    type             varchar(10)   not null check (type in ('MINOR', 'SERIOUS')),
    description      varchar(1000) not null,
    corrected        boolean       not null default false,
    corrected_on     date,
    recorded_by      varchar(60)   not null,
    recorded_at      timestamptz   not null,
    version          bigint        not null default 0,
    check (corrected = (corrected_on is not null))
);
create index violation_customer on violation (customer_code, occurred_on desc);
create index violation_occurred on violation (occurred_on);

-- 批量评定: ratings proposed together and published under one notice.
create table integrity_rating_batch (
    id          bigserial primary key,
    created_by  varchar(60) not null,
    created_at  timestamptz not null
);

-- 诚信等级评定: one rating procedure of one customer, PRELIMINARY → NOTICE → FINAL.
create table integrity_rating (
    id               bigserial primary key,
    customer_code    varchar(20)   not null,
    store_name       varchar(200),
    county_id        bigint,
    customer_manager varchar(60),
    batch_id         bigint references integrity_rating_batch (id),
    proposed_grade   char(1)       not null check (proposed_grade in ('A', 'B', 'C', 'D')),
    grade            char(1)       not null check (grade in ('A', 'B', 'C', 'D')),
    basis            varchar(2000) not null,
    state            varchar(12)   not null check (state in ('PRELIMINARY', 'NOTICE', 'FINAL')),
    created_by       varchar(60)   not null,
    created_at       timestamptz   not null,
    notice_start     timestamptz,
    notice_ends_at   timestamptz,
    published_by     varchar(60),
    finalized_by     varchar(60),
    finalized_at     timestamptz,
    version          bigint        not null default 0,
    check ((state = 'PRELIMINARY') = (notice_start is null))
);
-- one procedure in progress per customer: a second preliminary rating would race the first to the archive
create unique index integrity_rating_open on integrity_rating (customer_code) where state <> 'FINAL';
create index integrity_rating_state on integrity_rating (state, created_at desc);
create index integrity_rating_batch_idx on integrity_rating (batch_id);

-- 申诉: raised during the notice on the retailer's behalf, each answered UPHELD (with a new grade) or REJECTED.
create table integrity_appeal (
    id           bigserial primary key,
    rating_id    bigint        not null references integrity_rating (id),
    reason       varchar(2000) not null,
    filed_by     varchar(60)   not null,
    filed_at     timestamptz   not null,
    decision     varchar(10)   check (decision in ('UPHELD', 'REJECTED')),
    note         varchar(2000),
    new_grade    char(1)       check (new_grade in ('A', 'B', 'C', 'D')),
    answered_by  varchar(60),
    answered_at  timestamptz,
    check ((decision is null) = (answered_at is null)),
    check (decision is distinct from 'UPHELD' or new_grade is not null)
);
create index integrity_appeal_rating on integrity_appeal (rating_id, id);
