CREATE TABLE flags (id bigint PRIMARY KEY, on_off boolean);
UPDATE flags SET on_off = true;
