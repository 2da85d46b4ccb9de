ALTER DOMAIN email_address ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%') NOT VALID;
ALTER DOMAIN email_address VALIDATE CONSTRAINT email_has_at; -- expect: domain-validate-constraint
