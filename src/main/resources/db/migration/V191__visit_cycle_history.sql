-- Every version of the default visit cycles by business scale, kept when the market department replaces them, so the
-- settings page shows who set which cycles when (the version the API's If-Match names).
create table visit_cycle_history (
    version     bigint       primary key,
    cycles      text         not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamptz  not null
);
