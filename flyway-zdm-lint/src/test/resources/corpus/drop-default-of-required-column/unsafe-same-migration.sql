ALTER TABLE orders ADD COLUMN region text DEFAULT 'eu' NOT NULL;
ALTER TABLE orders ALTER COLUMN region DROP DEFAULT; -- expect: drop-default-of-required-column, multiple-alter-table
