"""Markdown and HTML remnants a scraper wrote, read as the text they mark up: what the reader shows, searches
and exports.

The file keeps every character; only a paragraph's text is read this way.
"""

from __future__ import annotations

import html
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
# `<br>`, `</p><p>`: where the page broke a line or a paragraph, read as a space; `<em>`, `<a href=…>` wrap words.
_BREAK_TAGS = re.compile(r"(?:\s*</?(?:br|p|div)(?:\s[^<>\n]*)?/?>)+\s*", re.IGNORECASE)
_INLINE_TAGS = re.compile(r"</?(?:a|b|i|u|em|strong|span|small|sup|sub)(?:\s[^<>\n]*)?/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NO_BREAK_SPACE = "\u00a0"


def as_read(text: str) -> str:
    """A paragraph's text as it reads, without the HTML and Markdown a scraper wrote it in."""
    return markdown_as_read(html_as_read(text))


def html_as_read(text: str) -> str:
    """`Kyiv&#8217;s suburbs &amp; the centre<br>` as Kyiv’s suburbs & the centre: tags a page's markup left in the
    text read as the break or the words they mark, entities as their characters (`&nbsp;` a space). Tags go first,
    so an escaped tag (`&lt;p&gt;`) stays as written."""
    if "<" not in text and "&" not in text:
        return text
    if "<" in text:
        text = _INLINE_TAGS.sub("", _BREAK_TAGS.sub(" ", text)).strip()
    return _ENTITY.sub(_character, text).strip() if "&" in text else text


def _character(entity: re.Match[str]) -> str:
    character = html.unescape(entity.group(0))
    return " " if character == _NO_BREAK_SPACE else character


def markdown_as_read(text: str) -> str:
    """A paragraph's text as it reads without Markdown: `**12 missiles**` is
    12 missiles, a link its words, a quote or bulleted list item without its marker (a numbered item keeps its
    number). The file keeps them."""
    marked_up = text[:1] in ">-*+"
    if not marked_up and not any(mark in text for mark in "*_[`"):
        return text
    text = _QUOTE_MARK.sub("", LIST_MARK.sub("", text, count=1), count=1) if marked_up else text
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _CODE.sub(r"\1", text)
