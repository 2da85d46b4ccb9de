UPDATE orders SET status = 'x' WHERE customer_id = 5; -- expect: unbatched-data-change
