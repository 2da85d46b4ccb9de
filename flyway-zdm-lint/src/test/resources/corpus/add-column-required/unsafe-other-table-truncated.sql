TRUNCATE pending; -- expect: truncate-table
ALTER TABLE audit ADD COLUMN k text NOT NULL; -- expect: add-column-required
