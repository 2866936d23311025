"""Markdown a scraper wrote, read as the text it marks up: what the reader shows, searches and exports.

The file keeps every character; only a paragraph's text is read this way.
"""

from __future__ import annotations

import re

# A line that is only an image (`![Firefighters at the scene](https://…/img.jpg)`): what the page showed, not text.
IMAGE_LINE = re.compile(r"^!\[[^\]\n]*\]\([^)\n]*\)$")
_LINK = re.compile(r"!?\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")
_QUOTE_MARK = re.compile(r"^(?:>\s?)+")
LIST_MARK = re.compile(r"^[-*+]\s+(?=\S)")
ORDERED_MARK = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
"""`1. First, a ceasefire…`: an item of a numbered list, kept with its number (the list's order is its sense)."""


def as_read(text: str) -> str:
    """A paragraph's text as it reads, without the Markdown a scraper wrote it in: `**12 missiles**` is
    12 missiles, a link its words, a quote or list item without its marker. The file keeps them."""
    marked_up = text[:1] in ">-*+"
    if not marked_up and not any(mark in text for mark in "*_[`"):
        return text
    text = _QUOTE_MARK.sub("", LIST_MARK.sub("", text, count=1), count=1) if marked_up else text
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _CODE.sub(r"\1", text)
