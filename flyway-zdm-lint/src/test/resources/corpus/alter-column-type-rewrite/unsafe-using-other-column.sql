ALTER TABLE orders ALTER COLUMN note TYPE text USING status; -- expect: alter-column-type-rewrite
