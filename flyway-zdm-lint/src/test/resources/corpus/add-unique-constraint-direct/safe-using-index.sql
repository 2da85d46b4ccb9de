ALTER TABLE pending ADD CONSTRAINT pending_ref_key UNIQUE USING INDEX pending_ref_idx;
