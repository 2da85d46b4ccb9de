REINDEX (CONCURRENTLY false) INDEX orders_code_idx; -- expect: reindex-non-concurrent
