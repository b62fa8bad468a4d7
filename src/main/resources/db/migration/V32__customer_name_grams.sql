-- One- and two-character store-name search (华信, 超): pg_trgm needs three characters to use its index, so a short
-- query would read the whole table. This index holds every character and every pair of adjacent characters of each
-- store name; a one- or two-character query is itself such a gram, so containment is exactly the substring match.
create function customer_name_grams(name text) returns text[]
    language sql immutable strict parallel safe
as $$
    select array(select distinct substr(name, i, n)
                 from generate_series(1, char_length(name)) as i, (values (1), (2)) as v(n)
                 where i + n - 1 <= char_length(name))
$$;

create index customer_store_name_grams on customer using gin (customer_name_grams(store_name));
