ALTER TABLE orders ADD COLUMN region text NOT NULL; -- expect: add-column-required
ALTER TABLE orders ADD COLUMN region2 text NOT NULL DEFAULT NULL; -- expect: add-column-required, multiple-alter-table
