-- pg: 15
-- transactional: false
REINDEX (CONCURRENTLY) INDEX orders_code_idx;
