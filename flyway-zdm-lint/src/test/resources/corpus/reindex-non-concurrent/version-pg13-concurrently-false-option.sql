-- pg: 13
-- transactional: false
REINDEX (CONCURRENTLY false) TABLE orders; -- expect: reindex-non-concurrent
