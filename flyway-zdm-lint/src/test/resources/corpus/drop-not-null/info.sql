ALTER TABLE customers ALTER COLUMN name DROP NOT NULL; -- expect: drop-not-null
