UPDATE orders SET status = 'pending' WHERE status IS NULL; -- expect: unbatched-data-change
DELETE FROM audit; -- expect: unbatched-data-change
