DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE checked = 'old' LIMIT 500);
