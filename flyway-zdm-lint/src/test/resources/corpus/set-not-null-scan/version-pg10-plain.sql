-- pg: 10
ALTER TABLE orders ALTER COLUMN status SET NOT NULL; -- expect: set-not-null-scan
