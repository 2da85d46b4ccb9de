ALTER TABLE orders ADD COLUMN rate numeric DEFAULT public.fixed_rate();
