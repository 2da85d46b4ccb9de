CREATE TEMP TABLE staging (id bigint);
TRUNCATE staging;
