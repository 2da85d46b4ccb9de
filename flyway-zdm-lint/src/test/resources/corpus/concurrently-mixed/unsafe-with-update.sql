CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status); -- expect: concurrently-mixed
UPDATE orders SET status = 'x' WHERE id = 1;
