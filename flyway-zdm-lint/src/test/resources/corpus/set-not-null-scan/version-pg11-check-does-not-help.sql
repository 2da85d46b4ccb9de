-- pg: 11
ALTER TABLE audit ALTER COLUMN checked SET NOT NULL; -- expect: set-not-null-scan
