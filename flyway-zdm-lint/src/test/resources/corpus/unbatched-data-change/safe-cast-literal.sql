UPDATE customers SET name = 'Ann' WHERE id = '42'::bigint;
