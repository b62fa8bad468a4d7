-- 导入记录: one row per uploaded customer file, with its progress and result, so a background import can be
-- polled and every IMPORT:<id> in the history leads back to the file, the person and the outcome.
create table customer_import (
    id            bigserial primary key,
    file_name     varchar(255) not null,
    format        varchar(8)   not null check (format in ('XLSX', 'CSV')),
    status        varchar(16)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total         int          not null default 0,
    processed     int          not null default 0,
    created       int          not null default 0,
    updated       int          not null default 0,
    unchanged     int          not null default 0,
    failed        int          not null default 0,
    -- [{"row": 3, "field": "licenceNo", "message": "..."}], capped (see errors_truncated)
    errors        jsonb        not null default '[]'::jsonb,
    errors_truncated boolean   not null default false,
    -- why a whole file failed (unreadable, wrong header), as a message
    failure       text,
    created_by    varchar(50)  not null,
    created_at    timestamptz  not null,
    finished_at   timestamptz,
    check (created + updated + unchanged + failed = processed)
);
create index customer_import_by_user on customer_import (created_by, created_at desc);
create index customer_import_recent on customer_import (created_at desc);
