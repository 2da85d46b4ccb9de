ALTER TABLE audit ADD COLUMN k text NOT NULL; -- expect: add-column-required
TRUNCATE audit; -- expect: truncate-table
