DROP MATERIALIZED VIEW order_totals; -- expect: drop-view
