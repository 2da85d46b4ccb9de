CREATE TABLE drafts (id bigint PRIMARY KEY, title text);
ALTER TABLE drafts ALTER COLUMN title SET NOT NULL;
