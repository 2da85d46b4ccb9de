ALTER TABLE line_items ALTER COLUMN qty TYPE integer; -- expect: alter-column-type-scan
