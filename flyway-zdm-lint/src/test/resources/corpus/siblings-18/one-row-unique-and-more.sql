UPDATE orders SET status = 'x' WHERE code = 'ABC' AND status IS NULL;
