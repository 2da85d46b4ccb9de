ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now(123); -- expect: invalid-function-call
