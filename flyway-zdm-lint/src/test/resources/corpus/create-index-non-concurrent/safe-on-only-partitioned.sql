CREATE INDEX events_at_idx ON ONLY events (at);
