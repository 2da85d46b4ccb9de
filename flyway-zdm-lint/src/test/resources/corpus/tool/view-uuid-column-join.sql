CREATE OR REPLACE VIEW customer_refs AS SELECT c.id, c.uuid, o.id AS order_id FROM customers c JOIN orders o ON o.customer_id = c.id;
