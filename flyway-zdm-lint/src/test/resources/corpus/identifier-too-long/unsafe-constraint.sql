ALTER TABLE orders ADD CONSTRAINT orders_total_must_be_positive_and_below_the_configured_limit_chk CHECK (total > 0) NOT VALID; -- expect: identifier-too-long
