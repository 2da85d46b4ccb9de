-- the server reads a leading no-break space as part of the first word: a syntax error, not whitespace
  ALTER TABLE orders ADD COLUMN region text; -- expect: unparsed-statement
