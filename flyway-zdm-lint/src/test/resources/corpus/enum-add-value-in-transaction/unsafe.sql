ALTER TYPE mood ADD VALUE 'happy';
ALTER TABLE orders ADD COLUMN m mood DEFAULT 'happy'; -- expect: enum-add-value-in-transaction
