-- lock-timeout-by-runner: false
SET lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN region text;
ALTER TABLE customers ADD COLUMN region text;
ALTER TABLE audit ADD COLUMN region text;
