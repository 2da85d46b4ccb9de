CREATE SEQUENCE ticket_no_seq;
CREATE TABLE receipts (id bigint PRIMARY KEY, no int DEFAULT nextval('ticket_no_seq')); -- expect: prefer-bigint-column
