-- 购进记录: order lines from the distribution system. orderNo is the distribution system's key: sending an order
-- again replaces it. Quantities in 条, amounts in 元, exact decimals.
create table purchase (
    order_no       varchar(60)   primary key,
    customer_code  varchar(40)   not null,
    order_date     date          not null,
    qty            numeric(14,2) not null check (qty >= 0),
    amount         numeric(16,2) not null check (amount >= 0),
    received_at    timestamptz   not null,
    received_by    varchar(50)   not null
);
-- a period's totals per customer read only this index (index-only scan)
create index purchase_period on purchase (order_date, customer_code) include (qty, amount);

-- Owned by the customer module, published as customer.api.CustomerFacts: the archive's plain (never sensitive)
-- classification facts per customer, so other modules can aggregate over the archive in SQL without its table.
create view customer_facts as
select c.customer_code, c.county_org_unit_id, c.store_name, c.status, c.market_type, c.retail_format,
       c.business_scale, c.customer_class, c.tier, c.purchase_qty, c.purchase_amount, c.purchase_avg_price,
       c.customer_manager
from customer c;
