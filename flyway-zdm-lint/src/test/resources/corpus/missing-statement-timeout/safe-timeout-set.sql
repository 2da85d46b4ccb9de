-- statement-timeout-by-runner: false
SET statement_timeout = '10min';
UPDATE orders SET status = 'new' WHERE status IS NULL; -- expect: unbatched-data-change
