-- pg: 16
CREATE TABLE dice (id bigint PRIMARY KEY, roll int DEFAULT random(1, 6)); -- expect: invalid-function-call
