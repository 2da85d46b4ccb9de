BEGIN; -- expect: transaction-control
ALTER TABLE orders ADD COLUMN region text;
COMMIT; -- expect: transaction-control
