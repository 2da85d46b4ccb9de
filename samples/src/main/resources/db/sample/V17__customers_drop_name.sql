-- Contract phase: no running application version reads or writes customers.name any more.
DROP TRIGGER customers_full_name_sync ON customers;
DROP FUNCTION customers_full_name_sync();
-- zdm:ignore drop-column: application v3 (full_name only) is fully rolled out; nothing reads customers.name
ALTER TABLE customers DROP COLUMN name;
