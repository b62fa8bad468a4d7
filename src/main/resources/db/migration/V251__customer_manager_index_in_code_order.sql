-- A customer manager's customers in code order (客户经理的客户, by 客户代码): the search's first page in the OWN
-- scope walks this index from the manager's first code and stops after the page, instead of reading all of the
-- manager's customers (a tenth of a county) and sorting them. It replaces the index on the manager alone, which
-- every query by manager reads the same way through the leading column, so the archive keeps as many indexes.
create index customer_manager_code on customer (customer_manager, customer_code);
drop index customer_manager_idx;
