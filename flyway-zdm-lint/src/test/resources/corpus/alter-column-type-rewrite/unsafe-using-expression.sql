ALTER TABLE orders ALTER COLUMN note TYPE text USING lower(note); -- expect: alter-column-type-rewrite
