-- pg: 11
ALTER TABLE orders ADD COLUMN region text DEFAULT 'eu';
