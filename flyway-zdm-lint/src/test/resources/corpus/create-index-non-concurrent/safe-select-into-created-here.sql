SELECT id, status INTO orders_copy FROM orders;
CREATE INDEX orders_copy_id_idx ON orders_copy (id);
