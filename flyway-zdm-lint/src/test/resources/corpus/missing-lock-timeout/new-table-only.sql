-- lock-timeout-by-runner: false
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE notes ADD COLUMN author text;
