-- Flyway skips a no-break space before a statement (checked with Flyway 13.12: it runs), so it is white space here too
  ALTER TABLE orders ADD COLUMN region text;
