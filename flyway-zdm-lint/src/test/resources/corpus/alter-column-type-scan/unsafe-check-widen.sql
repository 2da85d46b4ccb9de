ALTER TABLE products ALTER COLUMN name TYPE varchar(200); -- expect: alter-column-type-scan
