ALTER TABLE orders ALTER COLUMN note TYPE varchar(40) USING note::varchar; -- expect: alter-column-type-rewrite
