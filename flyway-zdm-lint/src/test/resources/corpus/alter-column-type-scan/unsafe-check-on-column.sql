ALTER TABLE products ALTER COLUMN name TYPE text; -- expect: alter-column-type-scan
