ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY; -- expect: concurrently-in-transaction
