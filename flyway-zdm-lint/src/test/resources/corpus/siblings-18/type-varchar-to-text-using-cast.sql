ALTER TABLE orders ALTER COLUMN note TYPE text USING CAST(note AS text);
