-- 数据生命周期 (DOMAIN.md §9: collect with consent → use → archive → destroy with a record).

-- 采集同意: one row per customer saying that the retailer agreed to the collection of their personal data, who
-- obtained it and when. Whoever creates a customer (form, API, import, onboarding) collects its data and affirms the
-- consent by doing so, so the row is written by the creating statement itself: no path can create a customer
-- without it. channel is the history source of the creation (DIRECT, IMPORT:<id>, ONBOARDING:<id>, ...).
-- Customers created before this migration get basis BEFORE_RECORDS: collected before consent was recorded.
create table customer_consent (
    -- no foreign key, like customer_history (V35): customers are never deleted, and a bulk import of 300,000
    -- customers would pay a per-row key check
    customer_id   bigint       primary key,
    basis         varchar(16)  not null check (basis in ('COLLECTION', 'BEFORE_RECORDS')),
    obtained_by   varchar(100) not null,
    obtained_at   timestamptz  not null
);

insert into customer_consent (customer_id, basis, obtained_by, obtained_at)
select id, 'BEFORE_RECORDS', coalesce(created_by, 'system'), created_at from customer;

create function customer_consent_at_collection() returns trigger language plpgsql as $$
begin
    insert into customer_consent (customer_id, basis, obtained_by, obtained_at)
    select n.id, 'COLLECTION', coalesce(n.created_by, 'system'), n.created_at from new_rows n;
    return null;
end;
$$;

create trigger customer_consent_at_collection after insert on customer
    referencing new table as new_rows
    for each statement execute function customer_consent_at_collection();

-- 销毁记录: a CANCELLED customer whose personal fields were destroyed once the retention period had passed: which
-- fields held a value and were destroyed (names only, never values), when, and when the customer was cancelled.
create table customer_erasure (
    customer_id    bigint       primary key references customer (id),
    customer_code  varchar(40)  not null,
    fields         text[]       not null,
    cancelled_at   timestamptz  not null,
    destroyed_at   timestamptz  not null
);

create trigger customer_erasure_append_only before update or delete on customer_erasure
    for each row execute function refuse_change();

-- The 修改台账 stays append-only with one exception: once a customer's erasure is recorded, the values of the
-- destroyed fields in its history are cleared (both to null); nothing else of any row may change, and no row may
-- be deleted. Without it the ciphertext of the destroyed data would outlive the destruction.
create function customer_history_only_erasure() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.old_value is null and new.new_value is null
       and (new.id, new.customer_id, new.customer_code, new.field, new.changed_by, new.changed_at, new.source, new.reason)
           is not distinct from
           (old.id, old.customer_id, old.customer_code, old.field, old.changed_by, old.changed_at, old.source, old.reason)
       and exists (select 1 from customer_erasure e where e.customer_id = old.customer_id and old.field = any (e.fields)) then
        return new;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

drop trigger customer_history_append_only on customer_history;
create trigger customer_history_append_only before update or delete on customer_history
    for each row execute function customer_history_only_erasure();
