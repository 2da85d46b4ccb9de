-- Rename customers.name to full_name, expand phase: the new column is nullable and has no default,
-- so PostgreSQL only touches the catalog (a brief ACCESS EXCLUSIVE lock, bounded by the guard's lock_timeout).
ALTER TABLE customers ADD COLUMN full_name text;
