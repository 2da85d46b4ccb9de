REINDEX INDEX orders_code_idx; -- expect: reindex-non-concurrent
REINDEX TABLE orders; -- expect: reindex-non-concurrent
