ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0); -- expect: domain-check-constraint
CREATE DOMAIN percent AS integer CHECK (VALUE BETWEEN 0 AND 100); -- expect: domain-check-constraint
