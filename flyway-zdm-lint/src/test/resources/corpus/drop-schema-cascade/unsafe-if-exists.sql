DROP SCHEMA IF EXISTS reporting, staging CASCADE; -- expect: drop-schema-cascade
