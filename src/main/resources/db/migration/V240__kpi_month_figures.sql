-- 月度指标快照: the leaders' dashboard reads each month's counts from here instead of aggregating every figure family
-- live (seconds per month at 300,000 customers). One header row per month (when it was computed, when its archive
-- figures were taken, whether data for it arrived since), and one row of counts per (customer manager, county) — the
-- grain the indicators are summed from, so a county and the company add up exactly as the live computation does.
create table kpi_month (
    month        date        primary key,            -- first day of the month
    computed_at  timestamptz,                        -- null: asked for, never computed yet
    archive_at   timestamptz,                        -- when customers/completeness/overdueNew were taken
    late_data    bigint      not null default 0,     -- bumped by every arrival of data for the month (e.g. orders)
    computed_for bigint      not null default -1,    -- late_data as the last computation read it; differs: recompute
    constraint kpi_month_first_day check (extract(day from month) = 1)
);

create index kpi_month_due on kpi_month (month) where computed_for <> late_data;

create table kpi_month_figures (
    month             date    not null references kpi_month (month) on delete cascade,
    customer_manager  text,
    county_org_unit_id bigint,
    customers         bigint  not null default 0,
    completeness_sum  numeric        not null default 0,
    overdue_new       bigint  not null default 0,
    changes_finished  bigint  not null default 0,
    changes_on_time   bigint  not null default 0,
    visits_due        bigint  not null default 0,
    visits_counted    bigint  not null default 0,
    complaints        bigint  not null default 0,
    resolved_on_time  bigint  not null default 0,
    resolution_late   bigint  not null default 0,
    callbacks         bigint  not null default 0,
    satisfied         bigint  not null default 0,
    ratings           bigint  not null default 0,
    rating_sum        bigint  not null default 0,
    ordered           bigint  not null default 0,
    succeeded         bigint  not null default 0,
    electronic        bigint  not null default 0
);

create unique index kpi_month_figures_group on kpi_month_figures
    (month, coalesce(customer_manager, ''), coalesce(county_org_unit_id, 0));
