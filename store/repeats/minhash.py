"""MinHash signatures over content-word bigrams, computed on whole batches with numpy, and LSH band keys.

Words are found on the UTF-8 bytes of normalised text; each word is hashed with a polynomial prefix sum, so
a batch of texts costs a handful of array passes. Words opening with a digit become one token (a changed
figure does not move the signature) and common function words are dropped before pairing words into shingles. Signatures use
one-permutation hashing with rotation densification: one hash per shingle, `NUM_HASHES` bins.
The same pass gives each text a hash of its figures and the sentence keys of `_sentence_keys`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from store.spellings import SPELLINGS, with_one_spelling
from store.text import TYPOGRAPHY, without_entry_time

NUM_HASHES = 64
BANDS = 21
ROWS = 3
EMPTY = np.uint32(0xFFFFFFFF)
_BIN_BITS = int(NUM_HASHES).bit_length() - 1
_CHUNK_TEXTS = 1_000
_BAND_BLOCK = 8_192
_CODE_BLOCK = 65_536
SENTENCE_REST_WORDS = 20
SENTENCE_REST_SHARE = 0.55
_SEP = "\x00"

STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i in is it its of on or our said "
    "says she that the their they this to was were which while who will with would".split()
)

_rng = np.random.default_rng(0x7EA55EE7)
_BAND_SALT = _rng.integers(1, 2**63, size=BANDS, dtype=np.uint64)
_Q = 0x9E3779B1
_PAIR = np.uint64(0xC2B2AE3D27D4EB4F)
_ROTATE = np.uint32(0x9E3779B1)

_WORD_BYTE = np.zeros(256, dtype=bool)
_DIGIT_BYTE = np.zeros(256, dtype=bool)
for _c in b"0123456789":
    _DIGIT_BYTE[_c] = True
for _c in b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True
_STOP_BYTE = np.zeros(256, dtype=bool)
_STOP_BYTE[list(b".!?")] = True
_GAP_BYTE = np.zeros(256, dtype=bool)
_GAP_BYTE[list(b" \t\n\r\"'\x00")] = True
_LOWER = np.arange(256, dtype=np.uint8)
_LOWER[ord("A"):ord("Z") + 1] += 32

_REPLACEMENTS = tuple((chr(code), repl) for code, repl in TYPOGRAPHY.items())


def fast_normalise(text: str) -> str:
    """Same result as `store.text.normalise`, several times faster on news text."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text)
    for char, repl in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, repl)
    return " ".join(text.casefold().split())


def normalised_key(text: str) -> int:
    """`hash(fast_normalise(text))` with place names in one spelling, without normalising ASCII text whose
    whitespace is already single spaces (no other whitespace is printable ASCII)."""
    text = with_one_spelling(text) or text
    if text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return hash(text.lower())
    return hash(fast_normalise(text))


def hashable_all(texts: Sequence[str]) -> list[str]:
    """`hashable` of each text."""
    return [t if t.isascii() else fast_normalise(t) for t in texts]


def normalise_all(texts: Sequence[str]) -> list[str]:
    return [fast_normalise(t) for t in texts]


def hashable(text: str) -> str:
    """What `signatures` needs of a text: ASCII text as it is (its bytes are lowercased there),
    anything else normalised. Same signature as `fast_normalise(text)`, without copying most texts."""
    return text if text.isascii() else fast_normalise(text)


def _mix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _geometric(ratio: int, size: int) -> np.ndarray:
    steps = np.full(size, ratio, dtype=np.uint32)
    steps[0] = 1
    return np.cumprod(steps, dtype=np.uint32)


class _Powers:
    """Powers of the hash base, grown on demand (safe across threads)."""

    def __init__(self) -> None:
        self.powers = np.ones(1, dtype=np.uint32)
        self.lock = threading.Lock()

    def upto(self, n: int) -> np.ndarray:
        powers = self.powers
        if len(powers) < n:
            with self.lock:
                powers = self.powers
                if len(powers) < n:
                    powers = self.powers = _geometric(_Q, max(n, 2 * len(powers)))
        return powers[:n]


_POWERS = _Powers()


def _word_hashes(b: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Each word's hash: the sum of (byte + 1) * Q**k over its bytes, k counted from its first (in uint32, so it
    wraps). Counting from each word's start needs powers only as long as the longest word: counted from the start
    of the chunk, as a running sum would be, they were as long as the chunk, and kept, 5 MB for the process."""
    lengths = (ends - starts).astype(np.int32)
    if not len(lengths):
        return np.empty(0, dtype=np.uint32)
    fwd = _POWERS.upto(int(lengths.max()))
    offsets = np.cumsum(lengths, dtype=np.int64) - lengths
    k = np.arange(int(offsets[-1] + lengths[-1]), dtype=np.int32)
    k -= np.repeat(offsets.astype(np.int32), lengths)
    terms = b[np.repeat(starts.astype(np.int32), lengths) + k].astype(np.uint32)
    terms += np.uint32(1)
    terms *= fwd[k]
    return np.add.reduceat(terms, offsets, dtype=np.uint32)


def _word_hash_of(word: str) -> int:
    data = np.frombuffer(word.encode("utf-8"), dtype=np.uint8)
    fwd = _POWERS.upto(len(data))
    return int(np.sum((data.astype(np.uint32) + np.uint32(1)) * fwd, dtype=np.uint32))


_STOP_HASHES = np.array(sorted(_word_hash_of(w) for w in STOPWORDS), dtype=np.uint32)

SIGNING_VERSION = 5
"""Raised whenever what goes into a text's signature, keys or word codes changes (2: `SPELLINGS` folded; 3: web
text's invisible breaks read as `_BREAKS` says; 4: a live blog entry's opening time left out; 5: copies that
differ only in a place name's spelling share one exact-copy key), so that a collection grouped before is
grouped again, whole, on its next load."""
_BREAKS = re.compile("[\u00ad\u200b\u2010\u2011]")
"""A soft hyphen (dropped), a zero-width space (a space) and the Unicode hyphens (`-`): glued to a word they
made it another word ("Kiev\u2011based" never met "Kyiv-based")."""
_BREAK_AS = {"\u00ad": "", "\u200b": " ", "\u2010": "-", "\u2011": "-"}

_SPELLING_FROM = np.array([_word_hash_of(w) for w in SPELLINGS], dtype=np.uint32)
_SPELLING_TO = np.array([_word_hash_of(w) for w in SPELLINGS.values()], dtype=np.uint32)
_SPELLING_FILTER = np.zeros(int(np.uint32(0xFFFFF)) + 1, dtype=bool)
_SPELLING_FILTER[_SPELLING_FROM & np.uint32(0xFFFFF)] = True
_NUMBER = np.uint32(0x5DEECE66)
_FILTER_MASK = np.uint32(0xFFFFF)
_STOP_FILTER = np.zeros(int(_FILTER_MASK) + 1, dtype=bool)
_STOP_FILTER[_STOP_HASHES & _FILTER_MASK] = True


@dataclass(frozen=True)
class Signatures:
    sig: np.ndarray      # (n, NUM_HASHES) uint32
    words: np.ndarray    # (n,) int32: words in the normalised text
    shingles: np.ndarray  # (n,) int32: content bigrams; 0 means the signature is empty
    word_hashes: np.ndarray  # every word of every text, in order (uint32)
    offsets: np.ndarray  # (n + 1,) where each text's words start in `word_hashes`
    sentence_keys: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    """Keys of each multi-sentence text whole and without one of its sentences (see `_sentence_keys`)."""
    sentence_rows: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    figures: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint32))
    """(n,) hash of the figures in each text (the signature sees every figure as one token)."""

    def codes(self, rows: Sequence[int] | np.ndarray) -> list[str]:
        """Each text of `rows` as a string with one character per word, so that string metrics
        (rapidfuzz's `ratio`, Indel distance) measure word sequences. Built a block of rows at a time,
        so the index arrays stay small next to the strings."""
        rows = np.asarray(rows, dtype=np.int64)
        out: list[str] = []
        for i in range(0, len(rows), _CODE_BLOCK):
            out.extend(self._codes(rows[i:i + _CODE_BLOCK]))
        return out

    def _codes(self, rows: np.ndarray) -> list[str]:
        if len(rows) == 0:
            return []
        starts, ends = self.offsets[rows], self.offsets[rows + 1]
        counts = ends - starts + 1
        total = int(counts.sum())
        first = np.cumsum(counts) - counts
        take = np.repeat(starts - first, counts) + np.arange(total)
        points = _code_points(self.word_hashes[np.minimum(take, len(self.word_hashes) - 1)])
        points[first + counts - 1] = ord(_SEP)
        return points.astype("<u4").tobytes().decode("utf-32-le").split(_SEP)[:-1]


def _code_points(hashes: np.ndarray) -> np.ndarray:
    points = hashes % np.uint32(0x10FFFF - 0x100 - 0x800) + np.uint32(0x100)
    points[points >= 0xD800] += np.uint32(0x800)
    return points


def word_codes(normalised: Sequence[str]) -> list[str]:
    """`Signatures.codes` for a few texts already passed through `fast_normalise`."""
    sig = signatures(normalised, workers=1)
    return sig.codes(np.arange(len(normalised)))


def _chunk(texts: Sequence[str]) -> Signatures:
    texts = [without_entry_time(t) for t in texts]
    n = len(texts)
    text = _SEP.join(texts) + _SEP
    if not text.isascii():
        text = _BREAKS.sub(lambda m: _BREAK_AS[m.group()], text)
    joined = text.encode("utf-8")
    b = _LOWER[np.frombuffer(joined, dtype=np.uint8)]
    isw = _WORD_BYTE[b]
    edge = np.diff(isw.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    seps = np.flatnonzero(b == 0)
    para = np.searchsorted(seps, starts).astype(np.int64)
    nwords = np.bincount(para, minlength=n).astype(np.int32)

    raw = _word_hashes(b, starts, ends)
    _fold_spellings(raw)
    wh = raw.copy()
    digits = _DIGIT_BYTE[b[starts]]
    wh[digits] = _NUMBER
    mixed = _mix(raw.astype(np.uint64))
    figures = np.zeros(n, dtype=np.uint64)
    np.add.at(figures, para[digits], mixed[digits])
    keep = ~_STOP_FILTER[wh & _FILTER_MASK]
    maybe = np.flatnonzero(~keep)
    keep[maybe] = ~np.isin(wh[maybe], _STOP_HASHES)
    wh, wpara = _mix(wh[keep].astype(np.uint64)), para[keep]

    same = wpara[:-1] == wpara[1:]
    sh = _mix(wh[:-1] * _PAIR + wh[1:])[same]
    spara = wpara[:-1][same]
    nsh = np.bincount(spara, minlength=n).astype(np.int32)

    sig = np.full(NUM_HASHES * n, EMPTY, dtype=np.uint32)
    bins = (sh >> np.uint64(64 - _BIN_BITS)).astype(np.int64)
    np.minimum.at(sig, bins * n + spara, (sh & np.uint64(0xFFFFFFFF)).astype(np.uint32))
    sig = _densify(sig.reshape(NUM_HASHES, n), nsh)
    offsets = np.concatenate(([0], np.cumsum(nwords))).astype(np.int64)
    skeys, srows = _sentence_keys(b, ends, para, mixed)
    return Signatures(sig, nwords, nsh, mixed.astype(np.uint32), offsets, skeys, srows, figures.astype(np.uint32))


def _fold_spellings(word_hashes: np.ndarray) -> None:
    maybe = np.flatnonzero(_SPELLING_FILTER[word_hashes & _FILTER_MASK])
    if not len(maybe):
        return
    at = np.flatnonzero(word_hashes[maybe][:, None] == _SPELLING_FROM[None, :])
    rows, which = np.divmod(at, len(_SPELLING_FROM))
    word_hashes[maybe[rows]] = _SPELLING_TO[which]


def _sentence_keys(
    b: np.ndarray, ends: np.ndarray, para: np.ndarray, mixed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(key, text) pairs: each text of two or more sentences under the key of its whole word sequence, and
    under the key of what is left without each sentence whose removal leaves at least SENTENCE_REST_WORDS
    words and SENTENCE_REST_SHARE of the text. A copy that drops a sentence then shares a key with its
    source (whole against source without it), and so do two texts that differ inside one sentence.

    A sentence ends at a word followed by `.`, `!` or `?` and then a space or quote; its key is a sum of
    (mixed) word hashes times odd factors that depend on the position in the sentence, the text's key a
    sum over its sentences."""
    n_words = len(ends)
    if n_words == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    closes = _STOP_BYTE[b[ends]] & _GAP_BYTE[b[np.minimum(ends + 1, len(b) - 1)]]
    opens = np.ones(n_words, dtype=bool)
    opens[1:] = closes[:-1] | (para[1:] != para[:-1])
    first = np.flatnonzero(opens)
    size = np.diff(np.append(first, n_words))
    factor = np.arange(n_words, dtype=np.uint64) - np.repeat(first.astype(np.uint64), size)
    factor <<= np.uint64(1)
    factor += np.uint64(1)
    factor *= mixed
    sentence = np.add.reduceat(factor, first)
    text_of = para[first]
    text_first = np.flatnonzero(np.concatenate(([True], text_of[1:] != text_of[:-1])))
    count = np.diff(np.append(text_first, len(first)))
    whole = np.add.reduceat(sentence, text_first)
    total = np.add.reduceat(size, text_first)
    rows = text_of[text_first]
    of = np.repeat(np.arange(len(text_first)), count)
    rest = total[of] - size
    multi = count >= 2
    drop = multi[of] & (rest >= SENTENCE_REST_WORDS) & (rest >= SENTENCE_REST_SHARE * total[of])
    keys = np.concatenate((_mix(whole[multi]), _mix(whole[of[drop]] - sentence[drop])))
    return keys.view(np.int64), np.concatenate((rows[multi], rows[of[drop]])).astype(np.int64)


def _densify(cols: np.ndarray, nsh: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the next filled bin to its right (circularly), shifted by the distance.

    `cols` holds the bins column by column, (NUM_HASHES, n); returns the (n, NUM_HASHES) signatures.
    One sweep from the last bin to the first, carrying the nearest filled bin, started from the first
    filled bin of each row (the nearest to the right of the last bin, around the circle).
    """
    k, n = cols.shape
    has = cols != EMPTY
    first = np.argmax(has, axis=0)
    value = cols[first, np.arange(n)]
    dist = first.astype(np.uint32)
    out = np.empty_like(cols)
    for c in range(k - 1, -1, -1):
        dist += np.uint32(1)
        np.copyto(value, cols[c], where=has[c])
        np.copyto(dist, 0, where=has[c])
        np.multiply(dist, _ROTATE, out=out[c])
        out[c] += value
    out[:, nsh == 0] = EMPTY
    return np.ascontiguousarray(out.T)


def signatures(normalised: Sequence[str], workers: int = 2) -> Signatures:
    """Signatures for texts passed through `fast_normalise` (or `hashable`)."""
    n = len(normalised)
    sig = np.empty((n, NUM_HASHES), dtype=np.uint32)
    words = np.empty(n, dtype=np.int32)
    shingles = np.empty(n, dtype=np.int32)
    figures = np.empty(n, dtype=np.uint32)
    starts = range(0, n, _CHUNK_TEXTS)

    def run(start: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        part = _chunk(normalised[start:start + _CHUNK_TEXTS])
        stop = start + len(part.words)
        sig[start:stop], words[start:stop], shingles[start:stop] = part.sig, part.words, part.shingles
        figures[start:stop] = part.figures
        return part.word_hashes, part.sentence_keys, part.sentence_rows + start

    if workers > 1 and len(starts) > 1:
        with ThreadPoolExecutor(workers) as pool:
            parts = list(pool.map(run, starts))
    else:
        parts = [run(start) for start in starts]
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(words, out=offsets[1:])
    if not parts:
        return Signatures(sig, words, shingles, np.empty(0, np.uint32), offsets, figures=figures)
    hashes, skeys, srows = (np.concatenate(column) for column in zip(*parts))
    return Signatures(sig, words, shingles, hashes, offsets, skeys, srows, figures)


def band_keys(sig: np.ndarray, workers: int = 2) -> np.ndarray:
    """(n, BANDS) int64 keys; two texts are candidates when any key is equal. Keys carry the band number.

    A band takes bins BANDS apart, not neighbours: densified neighbours often copy one shingle.
    Computed in blocks of rows small enough to stay in cache, in place.
    """
    out = np.empty((len(sig), BANDS), dtype=np.uint64)

    def block(start: int) -> None:
        part = sig[start:start + _BAND_BLOCK]
        key = np.empty(len(part), dtype=np.uint64)
        spare = np.empty(len(part), dtype=np.uint64)
        for band in range(BANDS):
            key.fill(_BAND_SALT[band])
            for row in range(ROWS):
                key ^= part[:, band + row * BANDS]
                _mix_in_place(key, spare)
            out[start:start + len(part), band] = key

    starts = range(0, len(sig), _BAND_BLOCK)
    if workers > 1 and len(starts) > 4:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(block, starts))
    else:
        for start in starts:
            block(start)
    return out.view(np.int64)


def _mix_in_place(x: np.ndarray, spare: np.ndarray) -> None:
    """`_mix` without temporaries; `spare` is scratch of the same shape."""
    for shift, factor in ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB)):
        np.right_shift(x, np.uint64(shift), out=spare)
        x ^= spare
        x *= np.uint64(factor)
    np.right_shift(x, np.uint64(31), out=spare)
    x ^= spare


_LOW7 = np.uint64(0x7F7F7F7F7F7F7F7F)


def low_bytes(sig: np.ndarray) -> np.ndarray:
    """The low byte of every bin, eight bins to a uint64: what `estimated_jaccard` compares."""
    return np.ascontiguousarray(sig.astype(np.uint8)).view(np.uint64)


PRINT_BYTES = NUM_HASHES + 4
"""A text's stored print: its `low_bytes`, then its shingle count (int32)."""


def pack_prints(low: np.ndarray, shingles: np.ndarray) -> np.ndarray:
    """(n, PRINT_BYTES) uint8 rows: what a later load compares new texts with, without signing again."""
    out = np.empty((len(low), PRINT_BYTES), dtype=np.uint8)
    out[:, :NUM_HASHES] = np.ascontiguousarray(low, dtype=np.uint64).view(np.uint8).reshape(len(low), NUM_HASHES)
    out[:, NUM_HASHES:] = np.ascontiguousarray(shingles, dtype="<i4").view(np.uint8).reshape(len(low), 4)
    return out


def unpack_prints(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`low_bytes` and shingle counts of `pack_prints` rows."""
    rows = np.ascontiguousarray(rows, dtype=np.uint8).reshape(-1, PRINT_BYTES)
    low = np.ascontiguousarray(rows[:, :NUM_HASHES]).view(np.uint64)
    shingles = np.ascontiguousarray(rows[:, NUM_HASHES:]).view("<i4").ravel().astype(np.int32)
    return low, shingles


def estimated_jaccard(
    low: np.ndarray, left: np.ndarray, right: np.ndarray, low_right: np.ndarray | None = None,
) -> np.ndarray:
    """Share of equal bins between rows of `low_bytes` (chance agreement of 1/256 per bin is negligible)."""
    return equal_bins(low, left, right, low.shape[1], low_right=low_right)[1] / np.float32(low.shape[1] * 8)


def equal_bins(
    low: np.ndarray, left: np.ndarray, right: np.ndarray, split: int, chunk: int = 8_192,
    low_right: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Equal bins between rows of `low_bytes` (`right` rows of `low_right` when given): among the first
    `split` words (8 bins each) and in all.

    A cache-sized block of pairs at a time, in place: each byte of `spread` below ends 0x7F where the
    bins agree and 0xFF where they differ, so its bit count is 7 per byte plus the differing bins."""
    head = np.empty(len(left), dtype=np.int32)
    total = np.empty(len(left), dtype=np.int32)
    words = low.shape[1]
    other = low if low_right is None else low_right
    for i in range(0, len(left), chunk):
        x = low[left[i:i + chunk]]
        x ^= other[right[i:i + chunk]]
        spread = x & _LOW7
        spread += _LOW7
        spread |= x
        spread |= _LOW7
        counts = np.bitwise_count(spread)
        first = counts[:, :split].sum(axis=1, dtype=np.int32)
        head[i:i + chunk] = 64 * split - first
        total[i:i + chunk] = 64 * words - first - counts[:, split:].sum(axis=1, dtype=np.int32)
    return head, total
