-- lock-timeout-by-runner: false
SET lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN region text;
RESET lock_timeout;
ALTER TABLE customers ADD COLUMN region text; -- expect: missing-lock-timeout
ALTER TABLE audit ADD COLUMN region text;
