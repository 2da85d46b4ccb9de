ALTER TABLE audit RENAME TO audit_log; -- expect: rename-table
