ALTER TABLE customers ALTER COLUMN email TYPE citext;
