DROP INDEX orders_code_idx; -- expect: drop-index-non-concurrent
