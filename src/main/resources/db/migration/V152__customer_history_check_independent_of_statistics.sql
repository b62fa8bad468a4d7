-- The per-statement check of V35 let the planner choose how to find the new rows' customers. On a server whose
-- statistics are missing or stale (autovacuum off, or just after a bulk load) it believed the customer table held one
-- row and compared every new history row with every customer: 4,000 history rows against 28,000 customers took 23 s,
-- and a 20,000-row import ran for five minutes. Looking the distinct ids up by the primary key costs the same whatever
-- the statistics say.
create or replace function customer_history_customer_exists() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    select array_agg(distinct customer_id) into ids from new_rows;
    if ids is not null and (select count(*) from customer c where c.id = any (ids)) <> cardinality(ids) then
        raise exception using errcode = 'foreign_key_violation',
            message = 'customer_history refers to a customer that does not exist';
    end if;
    return null;
end;
$$;
