CREATE FUNCTION md5(int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT pg_catalog.md5($1::text) $$;
ALTER TABLE orders ADD COLUMN h text DEFAULT md5(7);
