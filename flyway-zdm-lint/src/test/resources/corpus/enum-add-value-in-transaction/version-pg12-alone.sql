-- pg: 12
ALTER TYPE mood ADD VALUE 'happy';
