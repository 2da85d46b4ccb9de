UPDATE products SET price = 1 WHERE tenant_id = 1; -- expect: unbatched-data-change
