TRUNCATE orders; -- expect: truncate-table
