ALTER DOMAIN public.email_address SET NOT NULL; -- expect: domain-set-not-null
