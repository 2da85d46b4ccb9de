DELETE FROM legacy_log WHERE created < now() - interval '90 days'; -- expect: unbatched-data-change
