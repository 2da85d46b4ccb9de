-- pg: 13
-- transactional: false
REINDEX INDEX CONCURRENTLY orders_code_idx;
