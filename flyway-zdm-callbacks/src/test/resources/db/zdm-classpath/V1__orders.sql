CREATE TABLE ${table} (id bigint PRIMARY KEY, customer_id bigint);
