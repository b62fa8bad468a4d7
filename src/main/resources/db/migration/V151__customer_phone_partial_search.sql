-- Phone search by the last four digits (尾号) and a fixed line without its area code, still without any part of a
-- phone in clear: keyed hashes (HMAC) beside the full number's, filled by the application (it holds the key) on
-- every write and, for rows written before, by PhoneSearchBackfill at start-up.
alter table customer
    add column order_phone_tail_hash   char(64),
    add column order_phone_local_hash  char(64),
    add column mobile_phone_tail_hash  char(64),
    add column mobile_phone_local_hash char(64);

create index customer_order_phone_tail_hash on customer (order_phone_tail_hash) where order_phone_tail_hash is not null;
create index customer_order_phone_local_hash on customer (order_phone_local_hash) where order_phone_local_hash is not null;
create index customer_mobile_phone_tail_hash on customer (mobile_phone_tail_hash) where mobile_phone_tail_hash is not null;
create index customer_mobile_phone_local_hash on customer (mobile_phone_local_hash) where mobile_phone_local_hash is not null;
