ALTER TABLE products ALTER COLUMN sku TYPE citext; -- expect: alter-column-type-scan
