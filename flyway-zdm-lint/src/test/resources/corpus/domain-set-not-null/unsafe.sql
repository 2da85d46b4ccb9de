ALTER DOMAIN positive_int SET NOT NULL; -- expect: domain-set-not-null
