"""Figures in news text: numbers, counts, money, percentages, quantities, dates and times.

    from store.figures import extract
    figures = extract(paragraph, published=date(2025, 5, 11))

extract() takes any text (a sentence, a paragraph or a whole article; a paragraph at a time is
the cheapest way to go through an article) and returns Figure records sorted by start, never
overlapping. It keeps no state between calls and compiles its patterns once, at import.
"""

from __future__ import annotations

from .extract import extract
from .model import Figure

__all__ = ["Figure", "extract"]
