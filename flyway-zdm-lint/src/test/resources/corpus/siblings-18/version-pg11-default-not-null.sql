-- pg: 11
ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';
