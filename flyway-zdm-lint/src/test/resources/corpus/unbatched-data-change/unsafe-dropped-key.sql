ALTER TABLE pending DROP CONSTRAINT pending_pkey;
UPDATE pending SET ref = 1 WHERE id = 4; -- expect: statements-after-access-exclusive, unbatched-data-change
