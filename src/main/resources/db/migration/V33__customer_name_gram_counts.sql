-- How many customers hold each one- or two-character gram of their store name, per county, manager and status:
-- the exact total of a short store-name search (超市 matches one store in eight) is then a sum over a few rows in
-- the caller's scope instead of a visit to every matching customer. Kept in step by statement triggers in the
-- same transaction as the customers, so it is as exact as the table it counts. A customer without a manager
-- counts under '' (primary keys take no nulls), which no scope or filter ever names.
create table customer_name_gram_count (
    gram               varchar(2)  not null,
    county_org_unit_id bigint      not null,
    customer_manager   varchar(50) not null,
    status             varchar(32) not null,
    -- no check (customers >= 0): ON CONFLICT checks the proposed row (a -1 delta) before it finds the counter
    customers          integer     not null,
    primary key (gram, county_org_unit_id, customer_manager, status)
);

-- Adds a set of customers (sign 1) or takes one away (sign -1), grouped, in key order so that two transactions
-- touching the same counters lock them in the same order.
create function customer_name_gram_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select t.gram, n.county_org_unit_id, coalesce(n.customer_manager, ''), n.status, count(*)
        from new_rows n cross join lateral unnest(customer_name_grams(n.store_name)) as t(gram)
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    else
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select gram, county_org_unit_id, manager, status, sum(delta)
        from (select t.gram, n.county_org_unit_id, coalesce(n.customer_manager, '') as manager, n.status, 1 as delta
              from new_rows n cross join lateral unnest(customer_name_grams(n.store_name)) as t(gram)
              union all
              select t.gram, o.county_org_unit_id, coalesce(o.customer_manager, ''), o.status, -1
              from old_rows o cross join lateral unnest(customer_name_grams(o.store_name)) as t(gram)) d
        group by 1, 2, 3, 4
        having sum(delta) <> 0
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    end if;
    return null;
end;
$$;

create trigger customer_name_gram_count_insert after insert on customer
    referencing new table as new_rows
    for each statement execute function customer_name_gram_count_apply();
create trigger customer_name_gram_count_update after update on customer
    referencing old table as old_rows new table as new_rows
    for each statement execute function customer_name_gram_count_apply();

insert into customer_name_gram_count (gram, county_org_unit_id, customer_manager, status, customers)
select t.gram, c.county_org_unit_id, coalesce(c.customer_manager, ''), c.status, count(*)
from customer c cross join lateral unnest(customer_name_grams(c.store_name)) as t(gram)
group by 1, 2, 3, 4;

-- Customers are never deleted (a retailer who stops is CANCELLED, and the history keeps pointing at it), so the
-- counters above and the history below never lose their customer.
create trigger customer_never_deleted before delete on customer
    for each row execute function refuse_change();
create trigger customer_never_truncated before truncate on customer
    for each statement execute function refuse_change();
