ALTER TABLE legacy_cache SET LOGGED; -- expect: set-logged-unlogged
