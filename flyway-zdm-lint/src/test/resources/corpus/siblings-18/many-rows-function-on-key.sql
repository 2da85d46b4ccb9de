UPDATE orders SET status = 'x' WHERE lower(code) = 'abc'; -- expect: unbatched-data-change
