-- pg: 17
CREATE TABLE dice (id bigint PRIMARY KEY, roll int DEFAULT random(1, 6));
