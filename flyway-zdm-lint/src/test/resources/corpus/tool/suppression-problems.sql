-- zdm:ignore drop-column
ALTER TABLE orders DROP COLUMN note; -- expect: drop-column
-- zdm:ignore drop-colum: typo
ALTER TABLE orders DROP COLUMN code; -- expect: drop-column, multiple-alter-table
-- zdm:ignore rename-column: nothing to rename here
ALTER TABLE orders ADD COLUMN region text;
-- expect-line 1: suppression-without-reason
-- expect-line 3: suppression-unknown-rule
-- expect-line 5: unused-suppression
