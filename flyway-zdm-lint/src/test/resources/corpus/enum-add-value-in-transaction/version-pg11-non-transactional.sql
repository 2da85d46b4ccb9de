-- pg: 11
-- transactional: false
ALTER TYPE mood ADD VALUE 'happy';
