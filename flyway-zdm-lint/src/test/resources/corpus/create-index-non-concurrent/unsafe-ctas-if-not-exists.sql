-- IF NOT EXISTS may create nothing: the live table of that name would then be indexed under a SHARE lock
CREATE TABLE IF NOT EXISTS totals_snapshot AS SELECT * FROM order_totals;
CREATE UNIQUE INDEX totals_snapshot_idx ON totals_snapshot (customer_id); -- expect: create-index-non-concurrent
