-- lock-timeout-by-runner: false
ALTER TABLE orders ADD COLUMN region text; -- expect: missing-lock-timeout
ALTER TABLE customers ADD COLUMN region text;
ALTER TABLE audit ADD COLUMN region text;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_region_idx ON orders (region); -- expect: concurrently-mixed
