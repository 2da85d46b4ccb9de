ALTER TABLE customers ALTER COLUMN email SET DEFAULT lower(); -- expect: invalid-function-call
