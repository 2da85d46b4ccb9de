CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL); -- expect: ban-char-type
INSERT INTO countries VALUES ('de', 'Germany'), ('fr', 'France');
UPDATE countries SET name = upper(name);
