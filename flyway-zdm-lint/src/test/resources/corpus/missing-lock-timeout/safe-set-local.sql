-- lock-timeout-by-runner: false
SET LOCAL lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN region text;
ALTER TABLE orders ALTER COLUMN region SET DEFAULT 'eu'; -- expect: multiple-alter-table
