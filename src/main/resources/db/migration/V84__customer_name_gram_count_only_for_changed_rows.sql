-- An update counts grams again only for the customers whose counted columns (store name, county, manager, status)
-- changed: applying a classification run rewrites scale, class and tier of every customer, and ungrouping the grams
-- of each one's name both ways, to find they cancel out, cost more than the update itself. Otherwise as in V82.
create or replace function customer_name_gram_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select t.gram, n.county_org_unit_id, coalesce(n.customer_manager, ''), n.status, count(*)
        from new_rows n cross join lateral unnest(n.store_name_grams) as t(gram)
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    else
        -- old and new rows netted per (grams of the name, county, manager, status) first: the customers whose counted
        -- columns did not change cancel out before any grams are ungrouped
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select t.gram, k.county_org_unit_id, k.manager, k.status, sum(k.delta)
        from (select store_name_grams, county_org_unit_id, manager, status, sum(delta) as delta
              from (select n.store_name_grams, n.county_org_unit_id, coalesce(n.customer_manager, '') as manager, n.status,
                           1 as delta
                    from new_rows n
                    union all
                    select o.store_name_grams, o.county_org_unit_id, coalesce(o.customer_manager, ''), o.status, -1
                    from old_rows o) d
              group by 1, 2, 3, 4
              having sum(delta) <> 0) k
             cross join lateral unnest(k.store_name_grams) as t(gram)
        group by 1, 2, 3, 4
        having sum(delta) <> 0
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    end if;
    return null;
end;
$$;
