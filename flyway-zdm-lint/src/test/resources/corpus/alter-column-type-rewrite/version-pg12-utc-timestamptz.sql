-- pg: 12
SET TimeZone = 'UTC';
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz; -- expect: change-column-type-compat
