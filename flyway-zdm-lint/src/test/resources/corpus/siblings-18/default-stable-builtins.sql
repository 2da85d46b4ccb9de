ALTER TABLE audit ADD COLUMN xid bigint DEFAULT txid_current(), ADD COLUMN label text DEFAULT concat_ws('-', 'a', 'b'),
    ADD COLUMN db text DEFAULT current_database(), ADD COLUMN tags_text text DEFAULT array_to_string(ARRAY['a', 'b'], ','),
    ADD COLUMN title text DEFAULT initcap('new'), ADD COLUMN at_utc timestamptz DEFAULT timezone('utc'::text, now());
