"""What changed between two copies of a paragraph: word runs and changed figures.

Outside `store.repeats`, whose import brings numpy: the reader marks changed figures without it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from store.text import without_entry_time

_TOKEN = re.compile(r"\s+|\w+(?:[.,'’]\w+)*|[^\w\s]")
# A clock time is one figure: `14:45` changed to `15:45` is not `14` changed to `15`; a sum keeps its currency and
# scale: `$2.5 million` changed to `$3 million`, or to `$2.5 billion`.
_NUMBER = re.compile(
    r"(?<![\w.,:])(?:\d{1,2}:\d{2}(?::\d{2})?"
    r"|[$€£¥₴₽]?[-+]?\d[\d,]*(?:\.\d+)?(?:%|\s?(?:million|billion|trillion|bn|m)\b)?)",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


Opcodes = list[tuple[str, int, int, int, int]]


def _aligned(ta: list[str], tb: list[str]) -> Opcodes:
    return difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Runs of ("equal" | "delete" | "insert", text) that turn `a` into `b`, word by word.

    A replaced run comes out as its deletion followed by its insertion; spacing is kept, so joining the
    "equal" and "insert" runs gives `b` and joining the "equal" and "delete" runs gives `a`.
    """
    ta, tb = _tokens(a), _tokens(b)
    return _runs(ta, tb, _aligned(ta, tb))


def _runs(ta: list[str], tb: list[str], opcodes: Opcodes) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []

    def emit(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            emit("equal", "".join(ta[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            emit("delete", "".join(ta[i1:i2]))
        if tag in ("insert", "replace"):
            emit("insert", "".join(tb[j1:j2]))
    return runs


def changed_numbers(a: str, b: str) -> list[tuple[str, str]]:
    """Figures that differ between otherwise aligned copies, in reading order: [("909", "757")].

    Aligned by the words around them: only a figure in a run of words the copy replaced pairs with the figure that
    replaced it. A run one copy lacks (a wire's `KYIV, Nov 19 (Reuters) -` dateline) pairs with nothing: aligned by
    the figures alone, its 19 paired with the next figure of the other copy.
    """
    a, b = without_entry_time(a), without_entry_time(b)
    ta, tb = _tokens(a), _tokens(b)
    return _changed_numbers(a, b, ta, tb, _aligned(ta, tb))


def _changed_numbers(a: str, b: str, ta: list[str], tb: list[str], opcodes: Opcodes) -> list[tuple[str, str]]:
    at_a, at_b = _offsets(ta), _offsets(tb)
    numbers_a, numbers_b = list(_NUMBER.finditer(a)), list(_NUMBER.finditer(b))
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        old = _within(numbers_a, at_a[i1], at_a[i2])
        new = _within(numbers_b, at_b[j1], at_b[j2])
        figures = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, k1, k2, l1, l2 in figures.get_opcodes():
            if op == "replace":
                out.extend(zip(old[k1:k2], new[l1:l2]))
    return out


def _offsets(tokens: list[str]) -> list[int]:
    """Where each token starts in the text they make, and where the text ends."""
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    return starts


def _within(numbers: list[re.Match[str]], start: int, end: int) -> list[str]:
    """The figures that overlap text[start:end] (a clock time whose minutes alone changed is taken whole)."""
    return [m.group() for m in numbers if m.start() < end and m.end() > start]


SAYS_MORE_WORDS = 4
"""Words a copy must add (or leave out) beyond those it replaces for it to say more (or less) than its source:
a spelling (Kiev, Kyiv), a changed attribution or a wire dateline (`KYIV, Nov 19 (Reuters) -`) is no more than that."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class CopyChanges:
    """What a copy of a paragraph does otherwise than the text it repeats."""

    figures: tuple[tuple[str, str], ...] = ()
    """Numbers it prints otherwise: (theirs, ours), in reading order."""
    added: str = ""
    """The words it adds, joined, when they are SAYS_MORE_WORDS or more beyond those it drops."""
    dropped_words: int = 0
    """Words of the source it leaves out beyond those it adds, when SAYS_MORE_WORDS or more."""


def copy_changes(source: str, copy: str) -> CopyChanges:
    """How `copy` differs from `source`: its changed figures, and whether it says more or less (a sentence added
    or dropped), which a reader folding repeats must not hide behind a one-line stub. One alignment of their
    words serves both: the reader works this out for every repeated paragraph of an article it opens."""
    a, b = without_entry_time(source), without_entry_time(copy)
    ta, tb = _tokens(a), _tokens(b)
    opcodes = _aligned(ta, tb)
    added: list[str] = []
    gained = lost = 0
    for op, text in _runs(ta, tb, opcodes):
        words = len(_WORD.findall(text))
        if op == "insert":
            gained += words
            added.append(text.strip())
        elif op == "delete":
            lost += words
    net = gained - lost
    return CopyChanges(
        tuple(_changed_numbers(a, b, ta, tb, opcodes)),
        " … ".join(part for part in added if part) if net >= SAYS_MORE_WORDS else "",
        -net if net <= -SAYS_MORE_WORDS else 0,
    )
