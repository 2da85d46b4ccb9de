-- pg: 10
ALTER TABLE orders ADD COLUMN region text DEFAULT 'eu'; -- expect: add-column-volatile-default
