CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status); -- expect: concurrently-mixed
CREATE INDEX CONCURRENTLY orders_placed_idx ON orders (placed_at); -- expect: concurrently-mixed, concurrent-index-not-rerunnable
