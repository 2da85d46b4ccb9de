-- transactional: false
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_status_uq ON orders (status);
