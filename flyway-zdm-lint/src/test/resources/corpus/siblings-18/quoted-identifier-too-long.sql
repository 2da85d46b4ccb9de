-- transactional: false
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Orders Status Index With A Name Far Too Long For PostgreSQL Names" ON orders (status); -- expect: identifier-too-long
