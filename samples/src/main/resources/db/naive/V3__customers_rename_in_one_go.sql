-- The article's contract phase, run as one migration while old code still writes customers.name.
ALTER TABLE customers ADD COLUMN full_name text;
UPDATE customers SET full_name = name WHERE full_name IS NULL;
ALTER TABLE customers DROP COLUMN name;
ALTER TABLE customers ALTER COLUMN full_name SET NOT NULL;
