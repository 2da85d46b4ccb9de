DROP SCHEMA IF EXISTS reporting, archive CASCADE; -- expect: drop-schema-cascade
