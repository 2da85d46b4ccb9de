CREATE TABLE IF NOT EXISTS totals_snapshot AS SELECT * FROM order_totals;
CREATE UNIQUE INDEX totals_snapshot_idx ON totals_snapshot (customer_id);
