ALTER TABLE orders ADD COLUMN uid uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN r double precision DEFAULT random(); -- expect: add-column-volatile-default, multiple-alter-table
ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp(); -- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN n bigint DEFAULT nextval('orders_n_seq'); -- expect: add-column-volatile-default
