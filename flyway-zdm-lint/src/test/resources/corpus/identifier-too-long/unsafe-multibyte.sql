ALTER TABLE orders ADD COLUMN üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü text; -- expect: identifier-too-long
