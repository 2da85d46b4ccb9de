ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now(), ADD COLUMN c2 timestamptz DEFAULT pg_catalog.now(),
    ADD COLUMN c3 timestamptz DEFAULT current_timestamp(3), ADD COLUMN c4 timestamptz DEFAULT localtimestamp(2),
    ADD COLUMN c5 timetz DEFAULT current_time(2), ADD COLUMN c6 date DEFAULT current_date,
    ADD COLUMN c7 timestamptz DEFAULT date_trunc('day', now()), ADD COLUMN c8 text DEFAULT current_user,
    ADD COLUMN c9 timestamptz DEFAULT to_timestamp(1), ADD COLUMN c10 text DEFAULT 'now(123)';
