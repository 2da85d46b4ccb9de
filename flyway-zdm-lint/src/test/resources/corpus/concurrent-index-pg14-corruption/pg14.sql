-- pg: 14
-- transactional: false
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: concurrent-index-not-rerunnable, concurrent-index-pg14-corruption
