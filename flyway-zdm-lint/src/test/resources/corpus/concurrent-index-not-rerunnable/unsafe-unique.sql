CREATE UNIQUE INDEX CONCURRENTLY orders_note_key ON orders (note); -- expect: concurrent-index-not-rerunnable
