UPDATE orders SET status = 'x' WHERE id = (SELECT max(id) FROM orders) - 1; -- expect: unbatched-data-change
