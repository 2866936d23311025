"""What changed between two copies of a paragraph: word runs and changed figures.

Outside `store.repeats`, whose import brings numpy: the reader marks changed figures without it.
"""

from __future__ import annotations

import difflib
import re

from store.text import without_entry_time

_TOKEN = re.compile(r"\s+|\w+(?:[.,'’]\w+)*|[^\w\s]")
# A clock time is one figure: `14:45` changed to `15:45` is not `14` changed to `15`.
_NUMBER = re.compile(r"(?<![\w.,:])(?:\d{1,2}:\d{2}(?::\d{2})?|[-+]?\d[\d,]*(?:\.\d+)?%?)")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Runs of ("equal" | "delete" | "insert", text) that turn `a` into `b`, word by word.

    A replaced run comes out as its deletion followed by its insertion; spacing is kept, so joining the
    "equal" and "insert" runs gives `b` and joining the "equal" and "delete" runs gives `a`.
    """
    ta, tb = _tokens(a), _tokens(b)
    runs: list[tuple[str, str]] = []

    def emit(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            emit("equal", "".join(ta[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            emit("delete", "".join(ta[i1:i2]))
        if tag in ("insert", "replace"):
            emit("insert", "".join(tb[j1:j2]))
    return runs


def changed_numbers(a: str, b: str) -> list[tuple[str, str]]:
    """Figures that differ between otherwise aligned copies, in reading order: [("909", "757")]."""
    na = [m.group() for m in _NUMBER.finditer(without_entry_time(a))]
    nb = [m.group() for m in _NUMBER.finditer(without_entry_time(b))]
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            out.extend(zip(na[i1:i2], nb[j1:j2]))
    return out
