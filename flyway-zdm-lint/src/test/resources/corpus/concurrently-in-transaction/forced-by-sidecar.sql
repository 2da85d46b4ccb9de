-- transactional: true
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: concurrently-in-transaction
