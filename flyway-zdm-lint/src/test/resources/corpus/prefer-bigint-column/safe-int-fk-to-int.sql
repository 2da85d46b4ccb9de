CREATE TABLE colors (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text); -- expect: prefer-bigint-primary-key
CREATE TABLE shades (id bigint PRIMARY KEY, color_id int REFERENCES colors (id)); -- expect: foreign-key-without-index
