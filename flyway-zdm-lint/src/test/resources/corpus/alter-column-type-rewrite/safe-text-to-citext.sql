ALTER TABLE orders ALTER COLUMN status TYPE citext;
