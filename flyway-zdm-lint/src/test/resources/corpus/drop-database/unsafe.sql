-- transactional: false
DROP DATABASE legacy; -- expect: drop-database
