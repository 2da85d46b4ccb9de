-- statement-timeout-by-runner: false
INSERT INTO audit (id, checked) SELECT id, status FROM orders; -- expect: missing-statement-timeout
