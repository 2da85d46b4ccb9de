ALTER TABLE settings ALTER COLUMN value DROP DEFAULT; -- expect: drop-default-of-required-column
