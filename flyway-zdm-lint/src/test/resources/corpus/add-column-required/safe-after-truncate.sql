TRUNCATE pending; -- expect: truncate-table
ALTER TABLE pending ADD COLUMN k text NOT NULL;
