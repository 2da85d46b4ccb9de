-- Its own migration (own transaction): VALIDATE scans under SHARE UPDATE EXCLUSIVE, which does not block reads or writes.
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
