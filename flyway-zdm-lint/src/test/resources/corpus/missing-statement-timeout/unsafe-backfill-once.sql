-- statement-timeout-by-runner: false
UPDATE orders SET status = 'new' WHERE status IS NULL; -- expect: missing-statement-timeout, unbatched-data-change
DELETE FROM audit WHERE checked = 'old'; -- expect: unbatched-data-change
