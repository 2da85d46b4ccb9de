DELETE FROM pending WHERE ref = 99;
