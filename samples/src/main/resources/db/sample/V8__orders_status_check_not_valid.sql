-- NOT VALID: checked for new writes only, so adding it does not scan the table.
ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
