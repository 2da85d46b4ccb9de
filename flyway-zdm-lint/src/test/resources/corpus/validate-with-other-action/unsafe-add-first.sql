ALTER TABLE orders ADD COLUMN region text, VALIDATE CONSTRAINT orders_total_positive; -- expect: statements-after-access-exclusive, validate-with-other-action
