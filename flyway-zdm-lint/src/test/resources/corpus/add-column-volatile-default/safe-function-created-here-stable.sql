CREATE FUNCTION today_code() RETURNS text LANGUAGE sql STABLE AS $$ SELECT to_char(now(), 'YYYYMMDD') $$;
ALTER TABLE orders ADD COLUMN day text DEFAULT today_code();
