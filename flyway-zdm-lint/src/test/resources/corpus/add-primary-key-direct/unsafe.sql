ALTER TABLE events_2025 ADD PRIMARY KEY (id); -- expect: add-primary-key-direct
