ALTER TABLE products DROP CONSTRAINT products_name_len;
ALTER TABLE products ALTER COLUMN name TYPE text; -- expect: multiple-alter-table
