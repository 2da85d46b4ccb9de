ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL; -- expect: multiple-alter-table, set-not-null-scan
