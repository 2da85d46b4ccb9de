REINDEX INDEX CONCURRENTLY orders_code_idx; -- expect: concurrently-in-transaction
