ALTER TABLE customers ALTER COLUMN full_name SET NOT NULL;
ALTER TABLE customers DROP CONSTRAINT customers_full_name_not_null;
-- The next application version writes full_name only, so the old column must accept NULL first (catalog-only).
ALTER TABLE customers ALTER COLUMN name DROP NOT NULL;
