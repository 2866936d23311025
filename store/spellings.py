"""Transliterations of one place name, which copies of a story swap (Kiev and Kyiv, Odessa and Odesa).

Repeat grouping reads them as one word (`store.repeats.minhash`), search finds every spelling of one
(`store.fts_query`). What is shown is never changed.
"""

from __future__ import annotations

import re

SPELLINGS = {
    "kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv", "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv", "zaporozhye": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "lugansk": "luhansk",
    "chernigov": "chernihiv", "donbass": "donbas", "chernobyl": "chornobyl", "rovno": "rivne",
    "vinnitsa": "vinnytsia", "zhitomir": "zhytomyr",
}
"""Each older or other spelling, lower case, → the one grouping reads it as (a copy that also changes a figure
then still scores as one changed word, not two). A change here changes what grouping reads: raise
`store.repeats.minhash.SIGNING_VERSION` with it."""


def _spelling_groups() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for variant, name in SPELLINGS.items():
        groups.setdefault(name, [name]).append(variant)
    return {spelling: tuple(group) for group in groups.values() for spelling in group}


SPELLING_GROUPS = _spelling_groups()
"""Every spelling, lower case → all the spellings of its name, itself included."""


def spellings_of(word: str) -> tuple[str, ...]:
    """The other spellings of a place name (lower case), none for any other word."""
    folded = word.casefold()
    return tuple(s for s in SPELLING_GROUPS.get(folded, ()) if s != folded)


CYRILLIC_NAMES = {
    "kyiv": ("київ", "києв", "киев"), "kharkiv": ("харків", "харков", "харьков"), "odesa": ("одес",),
    "lviv": ("львів", "львов"), "mykolaiv": ("миколаїв", "миколаєв", "николаев"),
    "zaporizhzhia": ("запоріжж", "запорож"), "luhansk": ("луганськ", "луганск"),
    "chernihiv": ("чернігів", "чернігов", "чернигов"), "donbas": ("донбас",), "chornobyl": ("чорнобил", "чернобыл"),
    "vinnytsia": ("вінниц", "винниц"), "zhytomyr": ("житомир",),
}
"""Each place name of `SPELLINGS` (its one spelling) → the stems of its Ukrainian and Russian names, which take an
ending for each case (Київ, Києва; Киев, Киеве). Search only: grouping compares texts in one language."""


def cyrillic_names(word: str) -> tuple[str, ...]:
    """The stems of a Latin-spelt place name's Cyrillic names (`Kiev` → київ, києв, киев); none for another word."""
    folded = word.casefold()
    return CYRILLIC_NAMES.get(SPELLINGS.get(folded, folded), ())


def latin_names(word: str) -> tuple[str, ...]:
    """Every Latin spelling of the place a Cyrillic word names in any of its forms (`Києві` → kyiv, kiev)."""
    folded = word.casefold()
    for name, stems in CYRILLIC_NAMES.items():
        if folded.startswith(stems):
            return SPELLING_GROUPS[name]
    return ()


_VARIANT = re.compile(r"\b(?:" + "|".join(sorted(SPELLINGS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def with_one_spelling(text: str) -> str | None:
    """The text with each older or other spelling of a place name replaced by the one grouping reads it as;
    None when it has none (most texts)."""
    # Substring tests first: the case-blind pattern alone cost as much as hashing the text.
    lowered = text.lower()
    if not any(variant in lowered for variant in SPELLINGS) or _VARIANT.search(text) is None:
        return None
    return _VARIANT.sub(lambda match: SPELLINGS[match.group().casefold()], text)
