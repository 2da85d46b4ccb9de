ALTER TABLE orders ADD COLUMN day timestamptz DEFAULT date_trunc('day', now(1)); -- expect: invalid-function-call
