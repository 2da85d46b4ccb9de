-- NOT VALID: enforced for new rows at once, existing rows checked later without blocking writes.
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
