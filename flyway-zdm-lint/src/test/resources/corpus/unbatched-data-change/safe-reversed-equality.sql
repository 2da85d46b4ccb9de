DELETE FROM pending WHERE 5 = id;
