ALTER TABLE pending ADD CONSTRAINT pending_ref_pk PRIMARY KEY USING INDEX pending_ref_idx; -- expect: primary-key-using-index-nullable
