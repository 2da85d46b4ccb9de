ALTER TABLE audit SET UNLOGGED; -- expect: set-logged-unlogged
ALTER TABLE audit SET LOGGED; -- expect: set-logged-unlogged, multiple-alter-table
