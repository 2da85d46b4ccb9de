ALTER TABLE products DROP CONSTRAINT products_name_len, ALTER COLUMN name TYPE text;
