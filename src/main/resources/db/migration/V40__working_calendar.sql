-- 工作日历: per year, the dates that differ from Monday–Friday (holidays on weekdays, make-up working days on weekends).
create table calendar_year (
    year        integer primary key check (year between 1970 and 2199),
    -- SEEDED: from the statutory-holiday library, may be refreshed by a newer library; EDITED: an admin's, never reseeded
    source      varchar(8)  not null check (source in ('SEEDED', 'EDITED')),
    updated_at  timestamptz not null,
    updated_by  varchar(64)
);

create table calendar_day (
    day   date primary key,
    year  integer    not null references calendar_year (year) on delete cascade,
    kind  varchar(8) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(32),
    check (extract(year from day) = year),
    -- a holiday on a weekend or a make-up day on a weekday would change nothing
    check ((kind = 'HOLIDAY') = (extract(isodow from day) < 6))
);

create index calendar_day_year on calendar_day (year);
