"""The kinds a paragraph can have, and which of them are read, numbered and compared.

A module of its own so that the reader can ask about kinds without importing the parser.
"""

from __future__ import annotations

KINDS = ("title", "heading", "body", "byline", "meta", "boilerplate", "related")
VISIBLE_KINDS = ("heading", "body")
"""Shown in the reader and numbered (`n`)."""
READING_KINDS = ("title", "heading", "body")
"""Text of the article itself: searched for figures and compared for repeats."""
HIDDEN_KINDS = ("title", "byline", "meta", "boilerplate", "related")
"""Kept in the store, hidden from reading by default."""
