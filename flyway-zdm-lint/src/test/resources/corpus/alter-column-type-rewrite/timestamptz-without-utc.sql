ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp with time zone; -- expect: alter-column-type-rewrite, change-column-type-compat
