UPDATE settings SET value = 'on' WHERE key = 'feature.checkout';
