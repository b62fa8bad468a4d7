-- 修改维护任务单: a request to change archive fields outside the requester's direct permission, routed through steps.
create table change_request (
    id               bigserial primary key,
    type             varchar(20)  not null check (type in ('GENERAL', 'PHONE', 'ORDER_CYCLE', 'ATTRIBUTE', 'URGENT', 'BULK')),
    status           varchar(20)  not null check (status in ('OPEN', 'APPLIED', 'COMPLETED', 'REJECTED')),
    customer_code    varchar(20),                  -- null for BULK (its rows name the customers)
    county_id        bigint,                       -- the customer's county org unit (null for BULK)
    customer_manager varchar(60),
    requester        varchar(60)  not null,
    requester_name   varchar(100),
    reason           varchar(500) not null,
    changes          jsonb        not null default '{}'::jsonb,  -- field -> requested value (text)
    old_values       jsonb        not null default '{}'::jsonb,  -- field -> value as shown at raise time
    fingerprints     jsonb        not null default '{}'::jsonb,  -- field -> fingerprint of the stored value at raise time
    outcome          varchar(500),
    file_name        varchar(200),
    created_at       timestamptz  not null,
    closed_at        timestamptz,
    version          bigint       not null default 0
);
create index change_request_requester on change_request (requester, created_at desc);
create index change_request_customer on change_request (customer_code);
create index change_request_open on change_request (status) where status = 'OPEN';

-- One step of a request: who may act (a named assignee, or a role within an org unit's subtree), its limit and trail.
create table change_request_step (
    id              bigserial primary key,
    request_id      bigint       not null references change_request (id),
    seq             int          not null,
    step_key        varchar(30)  not null,
    candidate_role  varchar(30),
    candidate_unit  bigint,                        -- org unit whose subtree the role must sit in (null: company-wide)
    assignee        varchar(60),
    created_at      timestamptz  not null,
    due_at          timestamptz  not null,
    status          varchar(20)  not null check (status in ('OPEN', 'DONE', 'REJECTED')),
    action          varchar(20),
    comment         varchar(1000),
    completed_by    varchar(60),
    completed_at    timestamptz
);
create index change_request_step_request on change_request_step (request_id, seq);
create index change_request_step_open on change_request_step (candidate_role, assignee) where status = 'OPEN';

-- The rows of a BULK request with their per-row result once applied.
create table change_request_row (
    request_id    bigint       not null references change_request (id),
    row_no        int          not null,
    customer_code varchar(20)  not null,
    county_id     bigint,
    changes       jsonb        not null,
    old_values    jsonb        not null default '{}'::jsonb,
    fingerprints  jsonb        not null default '{}'::jsonb,
    result        varchar(20)  check (result in ('APPLIED', 'UNCHANGED', 'FAILED')),
    message       varchar(1000),
    primary key (request_id, row_no)
);

-- Notifications to the customer recorded by an ORDER_CYCLE request (the retailer has no account: who told them how).
create table change_request_notice (
    id          bigserial primary key,
    request_id  bigint        not null references change_request (id),
    recipient   varchar(100)  not null,
    message     varchar(1000) not null,
    created_by  varchar(60)   not null,
    created_at  timestamptz   not null
);

-- 定期维护任务: scheduled upkeep (half-year review, quarterly adjustment, licence expiry, monthly report), one per
-- subject and period so a job that runs twice creates nothing new.
create table upkeep_task (
    id             bigserial primary key,
    kind           varchar(30)  not null check (kind in ('HALF_YEAR_REVIEW', 'QUARTERLY_ADJUSTMENT', 'LICENCE_EXPIRY',
                                                          'ANNUAL_REVIEW', 'MONTHLY_CLASS_REPORT')),
    subject        varchar(60)  not null,          -- customer code, manager username, or the department
    period         varchar(20)  not null,          -- 2026-H2, 2026-Q4, the expiry date, 2026-10
    customer_code  varchar(20),
    assignee       varchar(60),
    candidate_role varchar(30),
    detail         varchar(1000),
    created_at     timestamptz  not null,
    due_at         timestamptz  not null,
    completed_by   varchar(60),
    completed_at   timestamptz,
    comment        varchar(1000),
    constraint upkeep_task_once unique (kind, subject, period)
);
create index upkeep_task_open_assignee on upkeep_task (assignee, due_at) where completed_at is null;
create index upkeep_task_open_role on upkeep_task (candidate_role, due_at) where completed_at is null;

-- ShedLock: one row per scheduled job; the instance that holds the row runs the job.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
