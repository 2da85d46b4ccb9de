ALTER TABLE orders ADD COLUMN ext_id text UNIQUE; -- expect: add-column-inline-constraint
ALTER TABLE orders ADD COLUMN qty int CHECK (qty > 0); -- expect: add-column-inline-constraint, multiple-alter-table
ALTER TABLE audit ADD COLUMN k bigint CONSTRAINT audit_k PRIMARY KEY; -- expect: add-column-inline-constraint, add-column-required
