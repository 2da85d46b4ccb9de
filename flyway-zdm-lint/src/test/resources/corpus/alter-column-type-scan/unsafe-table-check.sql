ALTER TABLE audit ALTER COLUMN checked TYPE varchar; -- expect: alter-column-type-scan
