-- Base schema every corpus case is linted against (replayed as the migration before the case; never linted).
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, email varchar(100));
CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint,
    status      text,
    total       numeric(10,2),
    note        varchar(20),
    code        char(3),
    placed_at   timestamp,
    paid_at     timestamptz,
    network     cidr,
    payload     jsonb,
    tags        varchar(50)[]
);
CREATE UNIQUE INDEX orders_code_idx ON orders (code);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE audit (id bigint PRIMARY KEY, checked text);
ALTER TABLE audit ADD CONSTRAINT audit_checked_not_null CHECK (checked IS NOT NULL);
CREATE TABLE events (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 (id bigint, at timestamptz NOT NULL);
CREATE TABLE events_2026 (id bigint, at timestamptz NOT NULL);
ALTER TABLE events_2026 ADD CONSTRAINT events_2026_bound CHECK (at >= '2026-01-01' AND at < '2027-01-01');
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE DOMAIN positive_int AS integer;
CREATE TABLE pending (id bigint PRIMARY KEY, ref bigint);
CREATE UNIQUE INDEX pending_ref_idx ON pending (ref);
-- added for the issue-18 cases
CREATE VIEW active_orders AS SELECT id, status FROM orders WHERE status <> 'done';
CREATE TABLE products (id bigint PRIMARY KEY, sku varchar(40) NOT NULL, name varchar(100) CONSTRAINT products_name_len CHECK (length(name) > 0),
                       price numeric(10,2), tenant_id int, UNIQUE (tenant_id, sku));
CREATE FUNCTION calc_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'x'; END $$;
CREATE FUNCTION fixed_rate() RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT 1.5 $$;
CREATE UNLOGGED TABLE scratch (id bigint PRIMARY KEY, v text);
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL DEFAULT '');
CREATE TABLE line_items (id bigint PRIMARY KEY, order_id bigint NOT NULL, qty int CHECK (qty > 0));
CREATE SCHEMA reporting;
CREATE DOMAIN email_address AS text;
