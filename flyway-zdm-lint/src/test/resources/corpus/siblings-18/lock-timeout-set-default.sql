-- lock-timeout-by-runner: false
SET lock_timeout = DEFAULT;
ALTER TABLE orders ADD COLUMN region text; -- expect: missing-lock-timeout
