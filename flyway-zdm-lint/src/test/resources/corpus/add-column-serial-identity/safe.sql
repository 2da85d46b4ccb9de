ALTER TABLE audit ADD COLUMN seq bigint;
ALTER TABLE audit ALTER COLUMN seq SET DEFAULT 0; -- expect: multiple-alter-table
