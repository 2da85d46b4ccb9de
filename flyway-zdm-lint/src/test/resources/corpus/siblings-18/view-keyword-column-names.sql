CREATE VIEW order_labels AS SELECT id AS uuid, status AS type, code AS key, note AS value, total AS position FROM orders;
