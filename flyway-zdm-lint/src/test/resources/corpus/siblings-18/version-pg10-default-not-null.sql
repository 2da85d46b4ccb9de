-- pg: 10
ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu'; -- expect: add-column-volatile-default
