UPDATE orders SET status = 'x' WHERE id = 1 RETURNING id;
