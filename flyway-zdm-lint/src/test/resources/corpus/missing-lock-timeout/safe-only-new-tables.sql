-- lock-timeout-by-runner: false
CREATE TABLE notes2 (id bigint PRIMARY KEY);
ALTER TABLE notes2 ADD COLUMN body text;
