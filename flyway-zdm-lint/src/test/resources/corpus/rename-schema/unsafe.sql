ALTER SCHEMA reporting RENAME TO analytics; -- expect: rename-schema
