-- IF NOT EXISTS may have created nothing (the live table existed already): the index is judged as on a live table
CREATE TABLE IF NOT EXISTS totals_snapshot AS SELECT * FROM order_totals;
CREATE UNIQUE INDEX totals_snapshot_idx ON totals_snapshot (customer_id); -- expect: create-index-non-concurrent
