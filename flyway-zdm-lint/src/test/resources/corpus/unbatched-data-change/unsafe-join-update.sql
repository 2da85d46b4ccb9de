UPDATE orders o SET status = c.name FROM customers c WHERE c.id = o.customer_id; -- expect: unbatched-data-change
