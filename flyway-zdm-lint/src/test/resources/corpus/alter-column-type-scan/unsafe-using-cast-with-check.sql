ALTER TABLE products ALTER COLUMN name TYPE text USING name::text; -- expect: alter-column-type-scan
