-- statement-timeout-by-runner: false
SET statement_timeout = 0;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive; -- expect: missing-statement-timeout
