ALTER TABLE orders ADD COLUMN uid uuid DEFAULT pg_catalog.gen_random_uuid(4); -- expect: invalid-function-call
