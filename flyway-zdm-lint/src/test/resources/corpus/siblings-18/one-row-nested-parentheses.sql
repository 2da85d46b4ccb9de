UPDATE products SET price = 2 WHERE ((tenant_id = 1) AND (sku = 'a-1'));
