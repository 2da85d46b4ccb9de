ALTER TABLE orders ADD COLUMN placed_on date DEFAULT current_date(); -- expect: invalid-function-call
