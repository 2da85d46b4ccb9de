ALTER TABLE orders ADD COLUMN state text DEFAULT 'new';
ALTER TABLE orders ADD COLUMN created timestamptz DEFAULT now(); -- expect: multiple-alter-table
ALTER TABLE orders ADD COLUMN created2 timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE orders ADD COLUMN flag boolean NOT NULL DEFAULT false;
ALTER TABLE orders ADD COLUMN qty integer DEFAULT 0;
ALTER TABLE orders ADD COLUMN meta jsonb DEFAULT '{}'::jsonb;
ALTER TABLE orders ADD COLUMN labels text[] DEFAULT ARRAY['a', 'b'];
