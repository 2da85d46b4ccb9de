UPDATE ONLY orders SET status = 'x' WHERE id = 42;
DELETE FROM ONLY orders WHERE id = 43;
