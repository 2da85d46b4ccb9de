ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new', VALIDATE CONSTRAINT orders_total_positive; -- expect: statements-after-access-exclusive, validate-with-other-action
