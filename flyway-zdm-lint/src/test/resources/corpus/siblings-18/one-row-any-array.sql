UPDATE orders SET status = 'x' WHERE id = ANY (ARRAY[1, 2, 3]);
