-- transactional: false
DROP DATABASE IF EXISTS legacy WITH (FORCE); -- expect: drop-database
