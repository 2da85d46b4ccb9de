-- pg: 11
REINDEX INDEX orders_code_idx; -- expect: reindex-non-concurrent
