ALTER TABLE orders ALTER COLUMN paid_at SET DEFAULT current_timestamp(); -- expect: invalid-function-call
