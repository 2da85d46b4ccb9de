-- transactional: false
CREATE INDEX CONCURRENTLY events_at_idx ON events (at); -- expect: concurrent-index-on-partitioned
