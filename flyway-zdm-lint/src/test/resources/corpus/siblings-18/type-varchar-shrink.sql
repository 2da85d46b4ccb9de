ALTER TABLE orders ALTER COLUMN note TYPE varchar(10); -- expect: alter-column-type-rewrite, change-column-type-compat
