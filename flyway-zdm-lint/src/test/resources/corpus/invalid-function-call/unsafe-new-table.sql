CREATE TABLE shipments (id bigint PRIMARY KEY, sent_at timestamptz DEFAULT clock_timestamp(0)); -- expect: invalid-function-call
