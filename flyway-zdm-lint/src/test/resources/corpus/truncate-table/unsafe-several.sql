TRUNCATE ONLY audit, pending RESTART IDENTITY; -- expect: truncate-table
