-- transactional: false
VACUUM FULL orders; -- expect: vacuum-full
VACUUM (FULL, ANALYZE) audit; -- expect: vacuum-full
