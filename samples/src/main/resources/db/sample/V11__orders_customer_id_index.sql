-- Builds without blocking writes. Runs outside a transaction (see the .sql.conf beside this file).
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);
