TRUNCATE TABLE public.orders RESTART IDENTITY; -- expect: truncate-table
