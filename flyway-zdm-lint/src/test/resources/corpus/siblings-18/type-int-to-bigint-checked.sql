ALTER TABLE line_items ALTER COLUMN qty TYPE bigint; -- expect: alter-column-type-rewrite
