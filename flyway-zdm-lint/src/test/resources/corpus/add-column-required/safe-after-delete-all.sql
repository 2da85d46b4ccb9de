DELETE FROM audit; -- expect: unbatched-data-change
ALTER TABLE audit ADD COLUMN k text NOT NULL;
