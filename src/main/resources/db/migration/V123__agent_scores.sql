-- 话务员考核: each agent's monthly figures as entered or imported, and the coefficients of the seeds' formulas.
create table agent_score (
    month            char(7)       not null,
    agent            varchar(50)   not null,
    calls            integer       not null check (calls >= 0),
    complaint_calls  integer       not null check (complaint_calls >= 0),
    call_target      integer       not null check (call_target > 0),
    monitoring_score numeric(6,2)  not null,
    test_call_score  numeric(6,2)  not null,
    complaints       integer       not null check (complaints >= 0),
    training_score   numeric(6,2)  not null,
    absences         integer       not null check (absences >= 0),
    entered_by       varchar(50)   not null,
    entered_at       timestamptz   not null,
    primary key (month, agent)
);

create table agent_kpi_settings (
    id                     integer      primary key check (id = 1),
    complaint_coefficient  numeric(6,2) not null,
    attendance_coefficient numeric(6,2) not null,
    version                bigint       not null default 0
);
insert into agent_kpi_settings (id, complaint_coefficient, attendance_coefficient) values (1, 5, 2);
