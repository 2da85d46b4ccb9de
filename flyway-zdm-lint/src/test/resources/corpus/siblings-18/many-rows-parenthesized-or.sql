UPDATE orders SET status = 'x' WHERE (id = 1 OR status IS NULL); -- expect: unbatched-data-change
