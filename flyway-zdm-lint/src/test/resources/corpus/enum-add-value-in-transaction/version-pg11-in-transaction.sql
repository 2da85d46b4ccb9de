-- pg: 11
ALTER TYPE mood ADD VALUE 'happy'; -- expect: enum-add-value-in-transaction
