ALTER TABLE orders RENAME COLUMN note TO a_very_long_column_name_that_goes_on_and_on_past_the_sixty_three_limit; -- expect: identifier-too-long, rename-column
