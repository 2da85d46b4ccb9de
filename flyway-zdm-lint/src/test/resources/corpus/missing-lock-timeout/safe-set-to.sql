-- lock-timeout-by-runner: false
SET lock_timeout TO '2s';
ALTER TABLE orders DROP COLUMN note; -- expect: drop-column
