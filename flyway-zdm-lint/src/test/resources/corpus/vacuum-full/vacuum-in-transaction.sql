-- transactional: true
VACUUM orders; -- expect: concurrently-in-transaction
