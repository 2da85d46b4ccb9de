ALTER TABLE orders ALTER COLUMN status TYPE varchar(30); -- expect: alter-column-type-rewrite, change-column-type-compat
