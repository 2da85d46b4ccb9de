ALTER TABLE orders ADD COLUMN üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü text;
