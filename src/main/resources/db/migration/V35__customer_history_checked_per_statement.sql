-- The 修改台账's link to its customer is checked once per statement instead of once per row. A bulk import writes
-- some twenty history rows per new customer with one COPY, and the foreign key's per-row lookup with a row lock on
-- the customer cost the import more than the rows themselves. Customers are never deleted (V33 refuses it), so the
-- only way to break the link is to insert history for a customer that does not exist, which this check refuses
-- with the same SQLSTATE as the foreign key did.
alter table customer_history drop constraint customer_history_customer_id_fkey;

create function customer_history_customer_exists() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n where not exists (select 1 from customer c where c.id = n.customer_id)) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'customer_history refers to a customer that does not exist';
    end if;
    return null;
end;
$$;

create trigger customer_history_customer_exists after insert on customer_history
    referencing new table as new_rows
    for each statement execute function customer_history_customer_exists();
