ALTER TABLE products ALTER COLUMN name SET DATA TYPE varchar(200); -- expect: alter-column-type-scan
