-- statement-timeout-by-runner: false
SET statement_timeout = 0;
DELETE FROM audit WHERE checked IS NULL; -- expect: missing-statement-timeout, unbatched-data-change
