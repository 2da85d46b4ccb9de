CREATE TABLE orders_small AS SELECT id, status FROM orders LIMIT 10;
ALTER TABLE orders_small ALTER COLUMN id SET NOT NULL;
