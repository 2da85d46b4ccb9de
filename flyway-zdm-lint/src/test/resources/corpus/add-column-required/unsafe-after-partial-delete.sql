DELETE FROM audit WHERE id < 5; -- expect: unbatched-data-change
ALTER TABLE audit ADD COLUMN k text NOT NULL; -- expect: add-column-required
