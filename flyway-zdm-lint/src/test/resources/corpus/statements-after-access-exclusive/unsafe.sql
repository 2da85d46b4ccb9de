ALTER TABLE orders ADD COLUMN priority text;
UPDATE orders SET priority = 'normal'; -- expect: unbatched-data-change, statements-after-access-exclusive
