ALTER TABLE orders RENAME COLUMN note TO note_written_by_the_customer_at_checkout_time_in_the_shop_frontend; -- expect: identifier-too-long, rename-column
