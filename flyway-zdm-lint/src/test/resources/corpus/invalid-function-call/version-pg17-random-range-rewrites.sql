-- pg: 17
ALTER TABLE orders ADD COLUMN roll int DEFAULT random(1, 6); -- expect: add-column-volatile-default
