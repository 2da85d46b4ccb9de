-- The article calls this dangerous. Since PostgreSQL 11 a constant DEFAULT is stored in the catalog and old rows
-- are not rewritten, so flyway-zdm does not flag it.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';
