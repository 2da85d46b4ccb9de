CREATE VIEW tmp_v AS SELECT id FROM orders;
DROP VIEW tmp_v;
