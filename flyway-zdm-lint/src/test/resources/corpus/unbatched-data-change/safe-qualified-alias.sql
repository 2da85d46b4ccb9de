UPDATE public.orders o SET status = 'x' WHERE o.id = 3;
