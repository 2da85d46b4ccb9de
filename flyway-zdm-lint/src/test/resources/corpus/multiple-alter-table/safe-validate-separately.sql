ALTER TABLE orders ADD CONSTRAINT orders_a_chk CHECK (total > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_a_chk; -- expect: validate-in-same-transaction
