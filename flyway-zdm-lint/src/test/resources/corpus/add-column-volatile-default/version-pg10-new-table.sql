-- pg: 10
CREATE TABLE regions (id bigint PRIMARY KEY, code text DEFAULT 'eu');
ALTER TABLE regions ADD COLUMN name text DEFAULT 'x';
