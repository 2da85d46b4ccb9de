ALTER TABLE orders ADD COLUMN uid uuid DEFAULT uuid_generate_v4(); -- expect: add-column-volatile-default
