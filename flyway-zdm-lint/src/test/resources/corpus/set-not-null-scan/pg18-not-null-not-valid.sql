-- pg: 18
ALTER TABLE orders ADD CONSTRAINT orders_status_nn NOT NULL status NOT VALID;
