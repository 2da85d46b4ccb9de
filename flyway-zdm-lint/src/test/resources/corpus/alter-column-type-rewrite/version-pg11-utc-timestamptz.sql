-- pg: 11
SET TimeZone = 'UTC';
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz; -- expect: alter-column-type-rewrite, change-column-type-compat
