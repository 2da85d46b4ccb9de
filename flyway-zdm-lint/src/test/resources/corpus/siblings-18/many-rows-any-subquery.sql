UPDATE orders SET status = 'x' WHERE id = ANY (SELECT order_id FROM line_items); -- expect: unbatched-data-change
