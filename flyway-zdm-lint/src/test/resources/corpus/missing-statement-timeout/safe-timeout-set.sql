-- statement-timeout-by-runner: false
SET statement_timeout = '10min';
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
