CREATE INDEX order_totals_customer_idx ON order_totals (customer_id); -- expect: create-index-non-concurrent
