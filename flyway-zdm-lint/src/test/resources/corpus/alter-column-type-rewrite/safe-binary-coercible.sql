ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);
ALTER TABLE orders ALTER COLUMN note TYPE text; -- expect: multiple-alter-table
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);
ALTER TABLE orders ALTER COLUMN network TYPE inet;
ALTER TABLE customers ALTER COLUMN email TYPE varchar;
