ALTER TABLE orders SET TABLESPACE fast_ssd; -- expect: set-tablespace
