CREATE OR REPLACE VIEW active_orders AS SELECT id, status FROM orders WHERE status NOT IN ('done', 'void');
