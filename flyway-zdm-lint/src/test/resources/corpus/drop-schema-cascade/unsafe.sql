DROP SCHEMA reporting CASCADE; -- expect: drop-schema-cascade
