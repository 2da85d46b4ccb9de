ALTER TABLE orders ADD COLUMN region text;
CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region); -- expect: concurrently-mixed
