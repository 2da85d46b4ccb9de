ALTER TABLE orders ADD COLUMN coupon text;
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(); -- expect: multiple-alter-table
ALTER TABLE orders ADD COLUMN customer2_id bigint REFERENCES customers (id);
ALTER TABLE customers ALTER COLUMN email TYPE text;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
CREATE TABLE t2 (id bigint PRIMARY KEY, o bigint REFERENCES orders (id), CONSTRAINT t2_o_check CHECK (o > 0), UNIQUE (o));
ALTER TABLE t2 ADD CONSTRAINT t2_extra CHECK (id > 0);
