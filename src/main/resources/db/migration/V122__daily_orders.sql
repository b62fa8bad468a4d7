-- 订货日数据 from the distribution system: one row per customer and day (a resend replaces it), read by the monthly
-- order success and electronic settlement rates.
create table order_daily (
    customer_code varchar(40) not null,
    day           date        not null,
    ordered       boolean     not null,
    succeeded     boolean     not null,
    electronic    boolean     not null,
    received_at   timestamptz not null,
    primary key (customer_code, day),
    check (ordered or not succeeded),
    check (succeeded or not electronic)
);
create index order_daily_day on order_daily (day);
