ALTER TABLE customers ALTER COLUMN email TYPE text USING email::text;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(100) USING note::varchar(100);
