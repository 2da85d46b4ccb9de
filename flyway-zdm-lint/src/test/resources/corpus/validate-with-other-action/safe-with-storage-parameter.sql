ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive, SET (fillfactor = 90);
