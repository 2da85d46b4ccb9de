-- lock-timeout-by-runner: false
set lock_timeout='1min';
alter table orders add column region text;
