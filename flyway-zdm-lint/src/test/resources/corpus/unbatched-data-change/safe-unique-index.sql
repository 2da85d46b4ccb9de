UPDATE orders SET note = 'fixed' WHERE code = 'ABC';
