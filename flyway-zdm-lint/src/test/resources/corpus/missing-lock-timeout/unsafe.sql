-- lock-timeout-by-runner: false
ALTER TABLE orders ADD COLUMN region text; -- expect: missing-lock-timeout
CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region); -- expect: concurrent-index-not-rerunnable, concurrently-mixed
