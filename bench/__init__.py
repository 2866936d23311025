"""Benchmark corpora and timing helpers for tearsheet."""
