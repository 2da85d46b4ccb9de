ALTER TABLE products ALTER COLUMN name TYPE varchar(50); -- expect: alter-column-type-rewrite, change-column-type-compat
