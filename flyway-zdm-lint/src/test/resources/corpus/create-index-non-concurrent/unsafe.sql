CREATE INDEX orders_status_idx ON orders (status); -- expect: create-index-non-concurrent
CREATE UNIQUE INDEX orders_note_idx ON orders (note); -- expect: create-index-non-concurrent
CREATE INDEX ON orders USING gin (payload); -- expect: create-index-non-concurrent
CREATE INDEX orders_lower_idx ON public.orders (lower(status)) WHERE status IS NOT NULL; -- expect: create-index-non-concurrent
