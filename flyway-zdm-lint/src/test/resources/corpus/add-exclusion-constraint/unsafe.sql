ALTER TABLE orders ADD CONSTRAINT no_overlap EXCLUDE USING gist (customer_id WITH =); -- expect: add-exclusion-constraint
