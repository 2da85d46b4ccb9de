ALTER TABLE orders ADD COLUMN ref_code text DEFAULT calc_code(); -- expect: add-column-volatile-default
