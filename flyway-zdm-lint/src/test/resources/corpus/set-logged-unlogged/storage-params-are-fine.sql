ALTER TABLE orders SET (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE orders RESET (fillfactor);
