UPDATE orders SET status = 'x' WHERE (id = 42);
