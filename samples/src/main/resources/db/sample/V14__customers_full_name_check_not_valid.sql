-- The application now writes both columns. Make full_name NOT NULL the same scan-free way as orders.status.
ALTER TABLE customers ADD CONSTRAINT customers_full_name_not_null CHECK (full_name IS NOT NULL) NOT VALID;
