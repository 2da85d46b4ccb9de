LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; -- expect: lock-table
LOCK customers; -- expect: lock-table
