-- IF NOT EXISTS may create nothing (the table may already exist, live and full): it exempts nothing (issue 15)
CREATE TABLE IF NOT EXISTS totals_snapshot AS SELECT * FROM order_totals;
CREATE UNIQUE INDEX totals_snapshot_idx ON totals_snapshot (customer_id); -- expect: create-index-non-concurrent
