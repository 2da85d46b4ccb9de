ALTER TABLE pending ALTER COLUMN ref TYPE integer; -- expect: alter-column-type-rewrite, change-column-type-compat
