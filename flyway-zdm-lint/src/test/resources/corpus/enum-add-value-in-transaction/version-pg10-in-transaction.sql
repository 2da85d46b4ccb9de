-- pg: 10
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm'; -- expect: enum-add-value-in-transaction
