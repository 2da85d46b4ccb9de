ALTER TABLE products ADD CONSTRAINT products_tenant_fk FOREIGN KEY (tenant_id) REFERENCES customers (id) NOT VALID; -- expect: prefer-bigint-column
