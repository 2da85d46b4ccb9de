-- transactional: false
REINDEX (CONCURRENTLY true) TABLE orders;
