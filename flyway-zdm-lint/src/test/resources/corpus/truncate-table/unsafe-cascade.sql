TRUNCATE TABLE customers CASCADE; -- expect: truncate-table
