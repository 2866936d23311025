"""The stems a search widens a Ukrainian or Russian word to, so that one form finds the others.

Both languages inflect nouns and adjectives by their ending (Київ, Києва, Києві; Москва, Москвы, Москве), and
FTS5 matches whole words: "Києва" alone would miss every "Київ". A word's stem, searched as a prefix, finds its
forms; Ukrainian's і that turns to о or є before an ending (Харків → Харкова, Київ → Києва, Львів → Львова)
gives a second stem. The prefix finds some related words too (Київ* finds київський), as a stemmer would.
"""

from __future__ import annotations

import re

MIN_STEM = 3
"""Letters a stem keeps: shorter ones would find too many unrelated words."""

_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]+", re.IGNORECASE)
_ENDINGS = sorted(
    (
        "ого его ому ему ими ыми ами ями ові еві ою ею ої ій ий ый ой ая яя ое ее ые ие іх их ах ях ам ям ом ем "
        "ей ів ов ев а я и ы і ї у ю е є о ь й"
    ).split(),
    key=len,
    reverse=True,
)
_ALTERNATING = {"ів": "ов", "їв": "єв"}
_SHORT_STEM_KEEPS = frozenset({"ів", "ов", "ев"})
"""Endings that also end short stems (Харків, Иванов): cut only from a stem of `LONG_STEM` letters left."""
LONG_STEM = 5


def stems(word: str) -> tuple[str, ...]:
    """Prefixes (lower case) that find the other forms of `word`; none for a word not in Cyrillic letters, or
    too short to cut."""
    lowered = word.casefold()
    if len(lowered) <= MIN_STEM or not _CYRILLIC_WORD.fullmatch(lowered):
        return ()
    stem = _stem(lowered)
    found = [stem]
    for nominative, oblique in _ALTERNATING.items():
        if lowered.endswith(nominative):
            found.append(lowered[: -len(nominative)] + oblique)
        elif stem.endswith(oblique) and stem != lowered:
            found.append(stem[: -len(oblique)] + nominative)
    return tuple(s for s in dict.fromkeys(found) if not any(s != o and s.startswith(o) for o in found))


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        kept = LONG_STEM if ending in _SHORT_STEM_KEEPS else MIN_STEM
        if word.endswith(ending) and len(word) - len(ending) >= kept:
            return word[: -len(ending)]
    return word
