-- A customer created by a bulk import brings some fifty values, and its 修改台账 used to get one row per value: a
-- 10,000-customer import wrote half a million history rows, more than all its other writes together. Such a creation
-- is now stored as ONE row (field '*', old and new value null) holding the fields and their initial values as two
-- arrays in the order they were given; sensitive values are ciphertext, as in the per-field rows. Rows written before
-- stay as they are, and creation one by one (form, API, onboarding) still writes a row per field.
alter table customer_history
    add column created_fields text[],
    add column created_values text[];

-- not valid: the rows already there have neither array, so checking them would only scan the table under lock
alter table customer_history add constraint customer_history_creation_in_one_row check (
    created_fields is null and created_values is null
    or field = '*' and old_value is null and new_value is null
       and cardinality(created_fields) = cardinality(created_values)) not valid;

-- The ledger as every reader sees it: one entry per field, whichever way it is stored. An entry of a one-row
-- creation has that row's id, and position orders the entries within it (newest first = position descending, as
-- the per-field rows of a creation were written in the order of the fields).
create view customer_history_entry as
select h.id, 0::bigint as position, h.customer_id, h.customer_code, h.field::text as field, h.old_value, h.new_value,
       h.changed_by, h.changed_at, h.source, h.reason
from customer_history h
where h.created_fields is null
union all
select h.id, f.position, h.customer_id, h.customer_code, f.field, null::text, f.value,
       h.changed_by, h.changed_at, h.source, h.reason
from customer_history h
     cross join lateral unnest(h.created_fields, h.created_values) with ordinality as f(field, value, position)
where h.created_fields is not null;

-- V145's exception to the append-only rule, for both forms: once a customer's erasure is recorded, the values of its
-- destroyed fields may be cleared, in a per-field row (both values to null) or in a one-row creation (that field's
-- element of created_values to null); nothing else may change and no row may be deleted.
create or replace function customer_history_only_erasure() returns trigger language plpgsql as $$
declare
    destroyed text[];
begin
    if tg_op = 'UPDATE'
       and (new.id, new.customer_id, new.customer_code, new.field, new.changed_by, new.changed_at, new.source, new.reason,
            new.created_fields)
           is not distinct from
           (old.id, old.customer_id, old.customer_code, old.field, old.changed_by, old.changed_at, old.source, old.reason,
            old.created_fields) then
        select e.fields into destroyed from customer_erasure e where e.customer_id = old.customer_id;
        if destroyed is not null and old.created_fields is null
           and new.old_value is null and new.new_value is null and new.created_values is null
           and old.field = any (destroyed) then
            return new;
        end if;
        if destroyed is not null and old.created_fields is not null
           and new.old_value is null and new.new_value is null
           and cardinality(new.created_values) = cardinality(old.created_values)
           and not exists (select 1 from generate_subscripts(old.created_values, 1) as i
                           where new.created_values[i] is distinct from old.created_values[i]
                             and (new.created_values[i] is not null or not old.created_fields[i] = any (destroyed))) then
            return new;
        end if;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
