TRUNCATE ONLY orders; -- expect: truncate-table
