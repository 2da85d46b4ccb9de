-- lock-timeout-by-runner: false
-- transactional: false
SET LOCAL lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN region text; -- expect: missing-lock-timeout
