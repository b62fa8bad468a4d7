-- The one- and two-character grams of a store name (V32) are computed once per written name and kept in a column,
-- instead of once for the grams index and again for the gram counters (V33) on every insert or rename. The
-- function was the largest single cost of inserting a customer (about 40 µs a call as a SQL function, called twice
-- per row), so a bulk import paid it twice for every customer.

-- Same grams as before (every character and every pair of adjacent characters, each once; order carries no
-- meaning), computed in a PL/pgSQL loop: a SQL function with a sub-select started an executor per call.
create or replace function customer_name_grams(name text) returns text[]
    language plpgsql immutable strict parallel safe
as $$
declare
    n     int    := char_length(name);
    grams text[] := '{}';
    gram  text;
begin
    for i in 1 .. n loop
        gram := substr(name, i, 1);
        if not gram = any (grams) then
            grams := grams || gram;
        end if;
        if i < n then
            gram := substr(name, i, 2);
            if not gram = any (grams) then
                grams := grams || gram;
            end if;
        end if;
    end loop;
    return grams;
end;
$$;

alter table customer add column store_name_grams text[] generated always as (customer_name_grams(store_name)) stored;
create index customer_store_name_gram_set on customer using gin (store_name_grams);
drop index customer_store_name_grams;

-- The counters read the stored grams of the rows a statement inserted or changed (transition tables carry
-- generated columns), otherwise as in V33.
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
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select gram, county_org_unit_id, manager, status, sum(delta)
        from (select t.gram, n.county_org_unit_id, coalesce(n.customer_manager, '') as manager, n.status, 1 as delta
              from new_rows n cross join lateral unnest(n.store_name_grams) as t(gram)
              union all
              select t.gram, o.county_org_unit_id, coalesce(o.customer_manager, ''), o.status, -1
              from old_rows o cross join lateral unnest(o.store_name_grams) as t(gram)) d
        group by 1, 2, 3, 4
        having sum(delta) <> 0
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    end if;
    return null;
end;
$$;
