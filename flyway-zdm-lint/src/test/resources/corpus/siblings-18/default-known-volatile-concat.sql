ALTER TABLE orders ADD COLUMN ref text DEFAULT (calc_code() || '-x'); -- expect: add-column-volatile-default
