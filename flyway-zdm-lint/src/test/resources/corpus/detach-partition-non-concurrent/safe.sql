-- transactional: false
ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
