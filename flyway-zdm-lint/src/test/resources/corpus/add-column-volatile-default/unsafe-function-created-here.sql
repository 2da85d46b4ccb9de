CREATE FUNCTION next_code() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
ALTER TABLE orders ADD COLUMN k int DEFAULT next_code(); -- expect: add-column-volatile-default
