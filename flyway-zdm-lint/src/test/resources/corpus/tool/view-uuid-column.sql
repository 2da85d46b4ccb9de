CREATE VIEW order_refs AS SELECT id, uuid FROM orders;
