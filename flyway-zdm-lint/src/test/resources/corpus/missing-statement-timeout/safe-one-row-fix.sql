-- statement-timeout-by-runner: false
UPDATE orders SET status = 'x' WHERE id = 42;
