DELETE FROM pending; -- expect: unbatched-data-change
ALTER TABLE pending ADD COLUMN kind text NOT NULL;
