"""Near-duplicate paragraphs: exact copies by hash, candidates by MinHash LSH, verified by rapidfuzz."""
