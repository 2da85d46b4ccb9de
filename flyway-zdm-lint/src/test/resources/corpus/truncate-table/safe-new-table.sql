CREATE TABLE staging (id bigint PRIMARY KEY);
INSERT INTO staging VALUES (1);
TRUNCATE staging;
