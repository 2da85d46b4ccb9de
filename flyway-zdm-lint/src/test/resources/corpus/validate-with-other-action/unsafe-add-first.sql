ALTER TABLE orders ADD COLUMN region text, VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-with-other-action
