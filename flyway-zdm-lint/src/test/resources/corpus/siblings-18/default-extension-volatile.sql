ALTER TABLE audit ADD COLUMN uid uuid DEFAULT uuid_generate_v1mc(); -- expect: add-column-volatile-default
