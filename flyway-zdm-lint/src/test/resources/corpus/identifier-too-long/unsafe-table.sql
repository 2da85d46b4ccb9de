CREATE TABLE customer_subscription_billing_reconciliation_adjustment_entries_x (id bigint PRIMARY KEY); -- expect: identifier-too-long
