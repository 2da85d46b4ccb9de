DELETE FROM pending WHERE id = ANY ('{4,5,6}'::bigint[]);
