DELETE FROM orders WHERE id < 1000; -- expect: unbatched-data-change
