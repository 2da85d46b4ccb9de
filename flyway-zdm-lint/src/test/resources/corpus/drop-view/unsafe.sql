DROP VIEW active_orders; -- expect: drop-view
