-- A run's results are written once, all together, by one statement, and never changed or deleted; they are read a
-- run at a time, and the pages of a run sort its rows for their filters anyway. An index on run_id alone is enough
-- for that: its entries of one run share one key, which the B-tree stores deduplicated, so it grows by little while
-- a run is written. The four-column index it replaces cost a run of 300,000 customers a third of a second.
drop index classification_result_rank;
create index classification_result_run on classification_result (run_id);
