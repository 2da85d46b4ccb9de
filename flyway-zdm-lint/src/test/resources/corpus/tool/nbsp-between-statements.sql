-- Flyway treats a no-break space between statements as white space (checked with Flyway 13.12): no statement of its own
ALTER TABLE orders ADD COLUMN region text;  
ALTER TABLE customers ADD COLUMN region text; 
