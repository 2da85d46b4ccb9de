ALTER DOMAIN positive_int VALIDATE CONSTRAINT positive_int_check; -- expect: domain-validate-constraint
