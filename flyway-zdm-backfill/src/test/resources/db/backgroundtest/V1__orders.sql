CREATE TABLE orders (id bigint PRIMARY KEY, status text, touched int NOT NULL DEFAULT 0);
INSERT INTO orders (id) SELECT g FROM generate_series(1, 5000) g;
