"""Figures in news text: numbers, counts, money, percentages, quantities, dates and times."""

from __future__ import annotations

from .extract import extract
from .model import Figure

__all__ = ["Figure", "extract"]
