ALTER TABLE orders ADD COLUMN pct int DEFAULT (random() * 100)::int; -- expect: add-column-volatile-default
