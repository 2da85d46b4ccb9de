ALTER TABLE orders ADD COLUMN nums int[] DEFAULT ARRAY[]::int[];
