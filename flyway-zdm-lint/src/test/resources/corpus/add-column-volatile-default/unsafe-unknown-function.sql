ALTER TABLE orders ADD COLUMN token text DEFAULT some_extension_token(); -- expect: add-column-volatile-default
