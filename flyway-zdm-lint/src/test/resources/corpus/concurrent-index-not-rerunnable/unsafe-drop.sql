DROP INDEX CONCURRENTLY orders_customer_id_idx; -- expect: concurrent-index-not-rerunnable
