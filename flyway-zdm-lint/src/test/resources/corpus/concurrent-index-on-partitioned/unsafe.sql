-- transactional: false
CREATE INDEX CONCURRENTLY events_at_idx ON events (at); -- expect: concurrent-index-not-rerunnable, concurrent-index-on-partitioned
