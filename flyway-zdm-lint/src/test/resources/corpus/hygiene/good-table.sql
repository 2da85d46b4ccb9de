CREATE TABLE people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, nick text, born timestamptz, data jsonb);
