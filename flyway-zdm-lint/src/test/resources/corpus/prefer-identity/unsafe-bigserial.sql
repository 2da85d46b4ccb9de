CREATE TABLE tickets (id bigserial PRIMARY KEY, title text); -- expect: prefer-identity
