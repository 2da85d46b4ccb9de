DELETE FROM audit WHERE id IN (SELECT id FROM audit LIMIT 1000000); -- expect: unbatched-data-change
