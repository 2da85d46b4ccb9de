ALTER TABLE orders ALTER COLUMN status TYPE citext;
ALTER TABLE orders ALTER COLUMN status TYPE varchar(10); -- expect: alter-column-type-rewrite, change-column-type-compat, multiple-alter-table
