ALTER TABLE orders ADD COLUMN seen_day timestamptz DEFAULT date_trunc('second', clock_timestamp()); -- expect: add-column-volatile-default
