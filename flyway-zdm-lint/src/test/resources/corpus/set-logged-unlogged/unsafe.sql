ALTER TABLE audit SET UNLOGGED; -- expect: set-logged-unlogged
ALTER TABLE audit SET LOGGED; -- expect: multiple-alter-table, set-logged-unlogged
