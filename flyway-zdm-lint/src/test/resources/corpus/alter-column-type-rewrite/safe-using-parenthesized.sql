ALTER TABLE orders ALTER COLUMN note TYPE text USING (note)::text;
