CREATE TABLE orders_archive AS SELECT * FROM orders WHERE placed_at < '2020-01-01';
CREATE INDEX orders_archive_id_idx ON orders_archive (id);
