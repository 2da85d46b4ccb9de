-- zdm:ignore drop-column: release 42 stopped reading orders.note
ALTER TABLE orders DROP COLUMN note;
