-- statement-timeout-by-runner: false
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
