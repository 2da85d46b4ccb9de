ALTER TABLE orders ADD COLUMN y text DEFAULT to_char(now(), 'YYYY'), ADD COLUMN utc timestamp DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'UTC'), -- expect: prefer-timestamptz
    ADD COLUMN tomorrow timestamptz DEFAULT now() + make_interval(days => 1), ADD COLUMN meta jsonb DEFAULT '{}'::jsonb,
    ADD COLUMN labels text[] DEFAULT ARRAY[]::text[], ADD COLUMN zero int DEFAULT COALESCE(NULL, 0);
