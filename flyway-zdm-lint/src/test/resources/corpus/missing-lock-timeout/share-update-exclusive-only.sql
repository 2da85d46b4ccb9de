-- lock-timeout-by-runner: false
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
ALTER TABLE orders SET (fillfactor = 80);
