-- statement-timeout-by-runner: false
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals; -- expect: missing-statement-timeout
