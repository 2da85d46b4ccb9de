UPDATE legacy_accounts SET flag = true WHERE id = 42; -- expect: unbatched-data-change
