ALTER TABLE orders ADD COLUMN priority text;
-- One UPDATE over the whole table: every row locked until the migration commits.
UPDATE orders SET priority = 'normal' WHERE priority IS NULL;
ALTER TABLE orders ALTER COLUMN priority SET NOT NULL;
