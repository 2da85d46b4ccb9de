UPDATE products SET price = 9.90 WHERE tenant_id = 1 AND sku = 'a-1';
