DROP TABLE audit; -- expect: drop-table
