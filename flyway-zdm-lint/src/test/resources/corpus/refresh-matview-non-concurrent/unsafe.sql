REFRESH MATERIALIZED VIEW order_totals; -- expect: refresh-matview-non-concurrent
