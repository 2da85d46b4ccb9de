ALTER TABLE orders ADD COLUMN token text DEFAULT md5(random()::text); -- expect: add-column-volatile-default
