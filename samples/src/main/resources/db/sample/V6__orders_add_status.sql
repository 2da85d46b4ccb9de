-- orders.status NOT NULL with a default, step 1: a nullable column, then a default for new rows.
-- Both are catalog-only. (Since PostgreSQL 11, ADD COLUMN ... DEFAULT 'pending' would even fill old rows
-- without a rewrite; the steps below are the general recipe that also works for computed values.)
ALTER TABLE orders ADD COLUMN status text;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
