CREATE OR REPLACE FUNCTION fixed_rate() RETURNS numeric LANGUAGE plpgsql AS $$ BEGIN RETURN random(); END $$;
ALTER TABLE orders ADD COLUMN rate numeric DEFAULT fixed_rate(); -- expect: add-column-volatile-default
