-- lock-timeout-by-runner: false
SET lock_timeout = 0;
ALTER TABLE orders ADD COLUMN region text; -- expect: missing-lock-timeout
