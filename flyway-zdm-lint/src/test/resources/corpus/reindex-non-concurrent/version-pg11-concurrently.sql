-- pg: 11
-- transactional: false
REINDEX TABLE CONCURRENTLY orders; -- expect: reindex-non-concurrent
