ALTER TABLE orders ADD COLUMN ids bigint[] DEFAULT cast(ARRAY[] AS bigint[]), ADD COLUMN flags jsonb DEFAULT '{}'::jsonb, ADD COLUMN since date DEFAULT current_date;
