ALTER TABLE pending ALTER COLUMN ref SET NOT NULL; -- expect: set-not-null-scan
ALTER TABLE pending ADD CONSTRAINT pending_ref_pk PRIMARY KEY USING INDEX pending_ref_idx; -- expect: multiple-alter-table
