CREATE TABLE refunds (id bigint PRIMARY KEY, order_id int REFERENCES orders (id)); -- expect: prefer-bigint-column, foreign-key-without-index
