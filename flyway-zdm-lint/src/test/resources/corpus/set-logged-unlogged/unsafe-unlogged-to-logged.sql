ALTER TABLE scratch SET LOGGED; -- expect: set-logged-unlogged
