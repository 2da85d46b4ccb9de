CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id)); -- expect: foreign-key-without-index
