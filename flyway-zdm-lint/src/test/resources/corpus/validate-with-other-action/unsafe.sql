ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive, ADD COLUMN region text; -- expect: validate-with-other-action
