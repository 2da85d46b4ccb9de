ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new', VALIDATE CONSTRAINT orders_total_positive; -- expect: validate-with-other-action
