-- transactional: false
DROP INDEX CONCURRENTLY IF EXISTS orders_code_idx;
