ALTER TABLE orders ADD COLUMN labels text[] DEFAULT '{}'::text[];
