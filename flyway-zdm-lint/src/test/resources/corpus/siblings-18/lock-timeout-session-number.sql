-- lock-timeout-by-runner: false
SET SESSION lock_timeout TO 5000;
ALTER TABLE orders ADD COLUMN region text;
