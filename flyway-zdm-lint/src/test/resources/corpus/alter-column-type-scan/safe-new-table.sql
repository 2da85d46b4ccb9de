CREATE TABLE labels (id bigint PRIMARY KEY, name varchar(10) CHECK (name <> '')); -- expect: prefer-text-over-varchar
ALTER TABLE labels ALTER COLUMN name TYPE text;
