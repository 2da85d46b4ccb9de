CLUSTER orders USING orders_code_idx; -- expect: cluster
