ALTER TABLE customers RENAME COLUMN name TO full_name; -- expect: rename-column
