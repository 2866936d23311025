"""Counted nouns in what the reader and the command line say: "1 document", "2 documents"."""

from __future__ import annotations

IRREGULAR = {"copy": "copies"}


def plural(count: int, noun: str) -> str:
    """The noun as it goes after `count`."""
    if count == 1:
        return noun
    return IRREGULAR.get(noun, noun + "s")


def counted(count: int, noun: str) -> str:
    """`count` (with thousands separators) and its noun."""
    return f"{count:,} {plural(count, noun)}"
