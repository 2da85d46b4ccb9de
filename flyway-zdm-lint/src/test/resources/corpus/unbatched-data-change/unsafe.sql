UPDATE orders SET status = 'pending' WHERE status IS NULL; -- expect: unbatched-data-change
DELETE FROM audit; -- expect: unbatched-data-change
WITH batch AS (SELECT id FROM orders WHERE status IS NULL LIMIT 1000 FOR UPDATE SKIP LOCKED) UPDATE orders SET status = 'x' WHERE id IN (SELECT id FROM batch);
