ALTER TABLE orders ADD COLUMN rate numeric DEFAULT fixed_rate();
