ALTER TABLE orders ADD COLUMN ids bigint[] DEFAULT cast(array[] as bigint[]);
