"""Text normalisation shared by the loader, repeats and annotations."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from store.spellings import with_one_spelling

# Curly quotes, primes, guillemets, dashes and no-break spaces, folded to their plain forms; repeats
# fold the same characters in its faster normaliser.
TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
_SPACE = re.compile(r"\s+")
# `14:32 GMT - `, `9.30am: `, `14:32 | `: the time a live blog stamps an entry with, not part of what it says.
_ENTRY_TIME = re.compile(
    r"(?:(?:updated|posted|update)\s+(?:at\s+)?)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:\(?(?:gmt|utc|bst|cet|cest|eet|eest|msk|[a-z]{1,3}t)\)?)?\s*[-–—:|]\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Case, quotes, dashes and spacing folded, so copies that differ only in typography compare equal."""
    text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY).casefold()
    return _SPACE.sub(" ", text).strip()


def without_entry_time(text: str) -> str:
    """The text without the time a live blog's entry opens with: a copy posted at another time is the same entry."""
    if not (text[:1].isdigit() or text[:1] in "UuPp"):
        return text
    match = _ENTRY_TIME.match(text)
    return text[match.end():] if match else text


def text_hash(text: str) -> str:
    """Hash of the normalised text: equal for exact copies, indexed in the store."""
    return hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=12).hexdigest()


def match_hash(text: str) -> str | None:
    """`text_hash` of the text with place names in one spelling (Kiev and Kyiv): what copies that differ only
    there share for grouping. None when the text has no other spelling, whose `text_hash` is then that key."""
    folded = with_one_spelling(text)
    return None if folded is None else text_hash(folded)


def bytes_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def clipped(text: str, width: int) -> str:
    """The text in at most `width` characters, an ellipsis ending it when it was longer."""
    return text if len(text) <= width else text[:width - 1] + "…"
