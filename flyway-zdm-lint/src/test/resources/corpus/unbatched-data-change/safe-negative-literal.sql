UPDATE line_items SET qty = 1 WHERE id = -1;
