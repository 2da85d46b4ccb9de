ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'; -- expect: rename-enum-value
