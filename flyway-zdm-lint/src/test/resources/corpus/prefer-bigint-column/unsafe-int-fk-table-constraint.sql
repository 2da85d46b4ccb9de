CREATE TABLE refunds (id bigint PRIMARY KEY, order_id integer, CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)); -- expect: prefer-bigint-column, foreign-key-without-index
