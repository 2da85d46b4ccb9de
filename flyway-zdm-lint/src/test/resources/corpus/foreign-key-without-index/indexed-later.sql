CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
CREATE INDEX refunds_order_id_idx ON refunds (order_id);
