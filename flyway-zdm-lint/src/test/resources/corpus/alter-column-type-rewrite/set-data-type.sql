ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar(5); -- expect: alter-column-type-rewrite, change-column-type-compat
