ALTER TABLE audit ADD COLUMN salt text DEFAULT encode(gen_random_bytes(8), 'hex'); -- expect: add-column-volatile-default
