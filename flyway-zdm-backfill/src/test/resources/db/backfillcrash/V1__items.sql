CREATE TABLE items (id bigint PRIMARY KEY, n int NOT NULL DEFAULT 0, done boolean NOT NULL DEFAULT false);
-- 20,000 rows with sparse keys
INSERT INTO items (id) SELECT g FROM generate_series(1, 30000) g WHERE g % 3 <> 1;
