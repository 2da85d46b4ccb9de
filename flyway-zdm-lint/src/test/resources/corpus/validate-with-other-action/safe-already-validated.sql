ALTER TABLE audit VALIDATE CONSTRAINT audit_checked_not_null, ADD COLUMN region text;
