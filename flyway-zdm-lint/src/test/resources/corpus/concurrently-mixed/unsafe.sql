ALTER TABLE orders ADD COLUMN region text;
CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region); -- expect: concurrent-index-not-rerunnable, concurrently-mixed
