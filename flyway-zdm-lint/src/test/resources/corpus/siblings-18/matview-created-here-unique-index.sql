CREATE MATERIALIZED VIEW daily AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id WITH NO DATA;
CREATE UNIQUE INDEX daily_customer ON daily (customer_id);
