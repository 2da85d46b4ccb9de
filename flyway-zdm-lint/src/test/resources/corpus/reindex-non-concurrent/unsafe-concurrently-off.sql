REINDEX (VERBOSE, CONCURRENTLY off) TABLE orders; -- expect: reindex-non-concurrent
