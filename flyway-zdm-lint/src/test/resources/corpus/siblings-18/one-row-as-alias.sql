UPDATE orders AS o SET status = 'x' WHERE o.id = 1;
