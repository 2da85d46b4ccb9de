UPDATE customers SET name = 'x' WHERE id = 42 RETURNING *; -- one-off fix for ticket 77
