ALTER TABLE ${schema}.orders ADD COLUMN region text; -- expect: unresolved-placeholder
