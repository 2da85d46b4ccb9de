ALTER TABLE orders ALTER COLUMN customer_id TYPE integer; -- expect: alter-column-type-rewrite, change-column-type-compat
ALTER TABLE orders ALTER COLUMN note TYPE varchar(10); -- expect: alter-column-type-rewrite, change-column-type-compat, multiple-alter-table
ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,3); -- expect: alter-column-type-rewrite, change-column-type-compat
ALTER TABLE orders ALTER COLUMN status TYPE jsonb USING status::jsonb; -- expect: alter-column-type-rewrite, change-column-type-compat
