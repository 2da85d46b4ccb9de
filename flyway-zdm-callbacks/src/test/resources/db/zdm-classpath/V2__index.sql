-- ${table} is large in production
CREATE INDEX orders_customer_idx ON ${table} (customer_id);
