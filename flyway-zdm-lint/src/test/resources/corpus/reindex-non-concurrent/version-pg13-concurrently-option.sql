-- pg: 13
-- transactional: false
REINDEX (CONCURRENTLY) INDEX orders_code_idx; -- expect: reindex-non-concurrent
