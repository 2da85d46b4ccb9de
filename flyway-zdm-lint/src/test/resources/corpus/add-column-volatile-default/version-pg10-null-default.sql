-- pg: 10
ALTER TABLE orders ADD COLUMN region text DEFAULT NULL;
