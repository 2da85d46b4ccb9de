CREATE SEQUENCE tickets_id_seq;
CREATE TABLE tickets (id bigint PRIMARY KEY DEFAULT nextval('tickets_id_seq'), title text);
