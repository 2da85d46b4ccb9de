-- pg: 12
-- transactional: false
REINDEX TABLE CONCURRENTLY orders;
