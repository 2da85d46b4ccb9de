CREATE TABLE ratings (id bigint PRIMARY KEY, stars int NOT NULL);
