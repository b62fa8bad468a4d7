-- Exact totals of the broad searches without visiting their matches, as V33 does for one- and two-character names:
-- a code prefix of the usual 6-10 digits, two pinyin initials or a common three-character name substring each match
-- tens of thousands of customers, and counting them was most of the database's work per search. Both counters are
-- kept per county, manager and status, so the data scopes and those filters sum over them.

-- 1. Three-character store-name grams join the one- and two-character ones: a three-character q is itself such a
-- gram, so the sum over its counters is the exact number of names containing it.
alter table customer_name_gram_count alter column gram type varchar(3);

-- Every three adjacent characters of a name, each once (the one- and two-character grams are in store_name_grams).
create function customer_name_trigrams(name text) returns text[]
    language plpgsql immutable strict parallel safe
as $$
declare
    n     int    := char_length(name);
    grams text[] := '{}';
    gram  text;
begin
    for i in 1 .. n - 2 loop
        gram := substr(name, i, 3);
        if not gram = any (grams) then
            grams := grams || gram;
        end if;
    end loop;
    return grams;
end;
$$;

-- As in V84, with the three-character grams computed only for the rows being counted.
create or replace function customer_name_gram_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select t.gram, n.county_org_unit_id, coalesce(n.customer_manager, ''), n.status, count(*)
        from new_rows n cross join lateral unnest(n.store_name_grams || customer_name_trigrams(n.store_name)) as t(gram)
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    else
        insert into customer_name_gram_count as g (gram, county_org_unit_id, customer_manager, status, customers)
        select t.gram, k.county_org_unit_id, k.manager, k.status, sum(k.delta)
        from (select store_name, store_name_grams, county_org_unit_id, manager, status, sum(delta) as delta
              from (select n.store_name, n.store_name_grams, n.county_org_unit_id,
                           coalesce(n.customer_manager, '') as manager, n.status, 1 as delta
                    from new_rows n
                    union all
                    select o.store_name, o.store_name_grams, o.county_org_unit_id, coalesce(o.customer_manager, ''),
                           o.status, -1
                    from old_rows o) d
              group by 1, 2, 3, 4, 5
              having sum(delta) <> 0) k
             cross join lateral unnest(k.store_name_grams || customer_name_trigrams(k.store_name)) as t(gram)
        group by 1, 2, 3, 4
        having sum(delta) <> 0
        order by 1, 2, 3, 4
        on conflict (gram, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    end if;
    return null;
end;
$$;

insert into customer_name_gram_count (gram, county_org_unit_id, customer_manager, status, customers)
select t.gram, c.county_org_unit_id, coalesce(c.customer_manager, ''), c.status, count(*)
from customer c cross join lateral unnest(customer_name_trigrams(c.store_name)) as t(gram)
group by 1, 2, 3, 4;

-- 2. Prefix counters: kind 'c' counts the customers whose code starts with the prefix, 'l' those whose licence
-- does while their code does not (so c + l is the union a digit query matches), 'i' those whose pinyin initials do.
-- Codes and licences (all digits, 8-16 and 12 long) count their prefixes up to two characters short of their
-- length: the last two levels would hold a counter per one to ten customers, as many rows as the archive, and a
-- search finds those few customers (a code equal to the prefix or one digit longer) through the unique index
-- instead. Initials count prefixes of one to five letters, the lengths people type; longer ones match few.
create table customer_prefix_count (
    kind               char(1)     not null check (kind in ('c', 'l', 'i')),
    prefix             varchar(16) not null,
    county_org_unit_id bigint      not null,
    customer_manager   varchar(50) not null,
    status             varchar(32) not null,
    customers          integer     not null,
    primary key (kind, prefix, county_org_unit_id, customer_manager, status)
);

-- The counted prefixes of one customer, as (kind, prefix) rows.
create function customer_search_prefixes(code text, licence text, initials text)
    returns table (kind char(1), prefix text)
    language sql immutable parallel safe
as $$
    select 'c', substr(code, 1, k) from generate_series(1, char_length(code) - 2) k
    union all
    select 'l', substr(licence, 1, k) from generate_series(1, char_length(licence) - 2) k
    where not (k <= char_length(code) - 2 and substr(licence, 1, k) = substr(code, 1, k))
    union all
    select 'i', substr(initials, 1, k) from generate_series(1, least(5, char_length(initials))) k
$$;

-- Statement-level like the gram counters: one grouped upsert per statement, in key order; an update counts again
-- only the customers whose counted columns changed (old and new rows netted first).
create function customer_prefix_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into customer_prefix_count as g (kind, prefix, county_org_unit_id, customer_manager, status, customers)
        select p.kind, p.prefix, n.county_org_unit_id, coalesce(n.customer_manager, ''), n.status, count(*)
        from new_rows n
             cross join lateral customer_search_prefixes(n.customer_code, n.licence_no, n.store_name_initials) p
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5
        on conflict (kind, prefix, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    else
        insert into customer_prefix_count as g (kind, prefix, county_org_unit_id, customer_manager, status, customers)
        select p.kind, p.prefix, k.county_org_unit_id, k.manager, k.status, sum(k.delta)
        from (select customer_code, licence_no, store_name_initials, county_org_unit_id, manager, status,
                     sum(delta) as delta
              from (select n.customer_code, n.licence_no, n.store_name_initials, n.county_org_unit_id,
                           coalesce(n.customer_manager, '') as manager, n.status, 1 as delta
                    from new_rows n
                    union all
                    select o.customer_code, o.licence_no, o.store_name_initials, o.county_org_unit_id,
                           coalesce(o.customer_manager, ''), o.status, -1
                    from old_rows o) d
              group by 1, 2, 3, 4, 5, 6
              having sum(delta) <> 0) k
             cross join lateral customer_search_prefixes(k.customer_code, k.licence_no, k.store_name_initials) p
        group by 1, 2, 3, 4, 5
        having sum(k.delta) <> 0
        order by 1, 2, 3, 4, 5
        on conflict (kind, prefix, county_org_unit_id, customer_manager, status)
            do update set customers = g.customers + excluded.customers;
    end if;
    return null;
end;
$$;

create trigger customer_prefix_count_insert after insert on customer
    referencing new table as new_rows
    for each statement execute function customer_prefix_count_apply();
create trigger customer_prefix_count_update after update on customer
    referencing old table as old_rows new table as new_rows
    for each statement execute function customer_prefix_count_apply();

insert into customer_prefix_count (kind, prefix, county_org_unit_id, customer_manager, status, customers)
select p.kind, p.prefix, c.county_org_unit_id, coalesce(c.customer_manager, ''), c.status, count(*)
from customer c cross join lateral customer_search_prefixes(c.customer_code, c.licence_no, c.store_name_initials) p
group by 1, 2, 3, 4, 5;
