"""How the text an annotation sits on now differs from the text it was first made on."""

from __future__ import annotations

import difflib
import re

from store.markdown import as_read
from store.text import clipped

_TOKEN = re.compile(r"\S+")


def changed_since_noted(original: str | None, current: str) -> bool:
    """Whether the text differs at all; an annotation without a recorded original never counts as changed, nor
    one noted on the Markdown of a text that now reads without it."""
    return bool(original) and original != current and as_read(original) != current


def what_changed(original: str, current: str, width: int = 60) -> str:
    """The words that differ, e.g. "14 → 15", "cut: officials said", "added: on Monday"; several edits
    are joined with "; " and the whole cut to `width` characters."""
    old, new = _TOKEN.findall(original), _TOKEN.findall(current)
    edits = [
        _edit(" ".join(old[i1:i2]), " ".join(new[j1:j2]))
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    summary = "; ".join(edits) or "spacing"
    return clipped(summary, width)


def _edit(was: str, now: str) -> str:
    if not now:
        return f"cut: {was}"
    if not was:
        return f"added: {now}"
    return f"{was} → {now}"


def figure_where_it_stands(text: str, start: int | None, end: int | None, figure_text: str) -> str:
    """A tagged figure's text in its paragraph as it reads now (re-anchoring moves its offsets with every
    reload); the text it was tagged on when the offsets do not fall inside the paragraph."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return figure_text
    return text[start:end]
