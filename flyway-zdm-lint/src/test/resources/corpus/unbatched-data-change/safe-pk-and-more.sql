UPDATE orders SET status = 'x' WHERE id = 7 AND status IS NULL;
