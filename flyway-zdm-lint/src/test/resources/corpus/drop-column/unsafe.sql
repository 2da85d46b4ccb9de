ALTER TABLE orders DROP COLUMN note; -- expect: drop-column
ALTER TABLE orders DROP COLUMN IF EXISTS code CASCADE; -- expect: drop-column, multiple-alter-table
