ALTER TABLE orders ADD COLUMN region text;  
ALTER TABLE customers ADD COLUMN region text; 
