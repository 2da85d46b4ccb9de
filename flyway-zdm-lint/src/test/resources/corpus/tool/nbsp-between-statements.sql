-- only after the last ';' is a no-break space whitespace to the linter: before a statement the server reads it as part of a word
ALTER TABLE orders ADD COLUMN region text;   -- expect: unparsed-statement
ALTER TABLE customers ADD COLUMN region text; 
