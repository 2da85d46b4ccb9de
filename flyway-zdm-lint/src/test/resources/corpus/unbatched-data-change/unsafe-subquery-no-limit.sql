UPDATE orders SET status = 'x' WHERE id IN (SELECT order_id FROM line_items); -- expect: unbatched-data-change
