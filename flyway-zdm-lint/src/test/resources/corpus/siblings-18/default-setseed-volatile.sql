ALTER TABLE audit ADD COLUMN at text DEFAULT timeofday(); -- expect: add-column-volatile-default
