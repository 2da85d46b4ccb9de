ALTER DOMAIN positive_int ADD CHECK (VALUE > 0); -- expect: domain-check-constraint
