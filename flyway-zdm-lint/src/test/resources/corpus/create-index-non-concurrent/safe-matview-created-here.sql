CREATE MATERIALIZED VIEW customer_orders AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;
CREATE INDEX customer_orders_idx ON customer_orders (customer_id);
