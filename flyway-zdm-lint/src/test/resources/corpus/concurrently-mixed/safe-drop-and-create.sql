DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status, placed_at);
