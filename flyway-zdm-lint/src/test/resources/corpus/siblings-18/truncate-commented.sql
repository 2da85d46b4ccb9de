TRUNCATE /* clean up */ orders; -- expect: truncate-table
