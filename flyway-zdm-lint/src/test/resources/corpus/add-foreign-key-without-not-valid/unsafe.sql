ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-foreign-key-without-not-valid
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers; -- expect: add-foreign-key-without-not-valid
