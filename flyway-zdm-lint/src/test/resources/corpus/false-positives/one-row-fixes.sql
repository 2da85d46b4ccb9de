UPDATE orders SET status = 'refunded' WHERE id = 1001;
UPDATE customers SET email = 'new@example.com' WHERE id = 7;
DELETE FROM pending WHERE id IN (3, 4);
UPDATE settings SET value = 'true' WHERE key = 'maintenance';
