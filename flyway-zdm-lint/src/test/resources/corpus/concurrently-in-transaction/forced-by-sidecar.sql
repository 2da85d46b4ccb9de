-- transactional: true
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: concurrent-index-not-rerunnable, concurrently-in-transaction
