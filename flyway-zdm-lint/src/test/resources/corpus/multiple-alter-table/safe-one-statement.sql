ALTER TABLE orders ADD COLUMN a int, ADD COLUMN b text;
