CREATE TABLE tokens (id bigint PRIMARY KEY, seq serial); -- expect: prefer-identity, prefer-bigint-column
