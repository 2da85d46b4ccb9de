ALTER TABLE orders ADD COLUMN priority text;
ALTER TABLE orders ALTER COLUMN priority SET DEFAULT 'normal'; -- expect: multiple-alter-table
