-- 合作度: what each customer's cooperation score of a run was computed from (only customers with something to count;
-- the others get the points of a clean record with nothing else known), kept with the run to explain the score.
create table evaluation_cooperation (
    run_id            bigint       not null references evaluation_run (id) on delete cascade,
    customer_code     varchar(40)  not null,
    violations        integer      not null,
    corrected         integer      not null,
    visits            integer      not null,
    surveys_answered  integer      not null,
    surveys_refused   integer      not null,
    complaints        integer      not null,
    cooperation       numeric(5,2) not null,
    primary key (run_id, customer_code)
);
