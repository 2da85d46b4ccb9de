CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));
CREATE INDEX invoices_order_id_idx ON invoices (order_id);
CREATE UNIQUE INDEX invoices_uq ON invoices (order_id, id);
