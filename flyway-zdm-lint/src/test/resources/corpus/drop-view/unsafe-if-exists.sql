DROP VIEW IF EXISTS active_orders CASCADE; -- expect: drop-view
