UPDATE orders SET status = 'x' WHERE customer_id = ANY (ARRAY[1, 2]); -- expect: unbatched-data-change
