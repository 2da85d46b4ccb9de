ALTER DOMAIN email_address ADD CONSTRAINT email_address_not_null CHECK (VALUE IS NOT NULL) NOT VALID;
