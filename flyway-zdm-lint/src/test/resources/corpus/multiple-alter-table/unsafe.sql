ALTER TABLE orders ADD COLUMN a int;
ALTER TABLE orders ADD COLUMN b text; -- expect: multiple-alter-table
ALTER TABLE orders ADD COLUMN c text;
