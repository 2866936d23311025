"""MinHash signatures over content-word bigrams, computed on whole batches with numpy, and LSH band keys.

Words are found on the UTF-8 bytes of normalised text; each word is hashed with a polynomial prefix sum, so
a batch of texts costs a handful of array passes. Words opening with a digit become one token (a changed
figure does not move the signature) and common function words are dropped before pairing words into shingles. Signatures use
one-permutation hashing with rotation densification: one hash per shingle, `NUM_HASHES` bins.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from store.text import _QUOTES, normalise

NUM_HASHES = 64
BANDS = 21
ROWS = 3
EMPTY = np.uint32(0xFFFFFFFF)
_BIN_BITS = int(NUM_HASHES).bit_length() - 1
_CHUNK_TEXTS = 20_000
_SEP = "\x00"

STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i in is it its of on or our said "
    "says she that the their they this to was were which while who will with would".split()
)

_rng = np.random.default_rng(0x7EA55EE7)
_BAND_SALT = _rng.integers(1, 2**63, size=BANDS, dtype=np.uint64)
_Q = 0x9E3779B1
_Q_INV = pow(_Q, -1, 2**32)
_PAIR = np.uint64(0xC2B2AE3D27D4EB4F)
_ROTATE = np.uint32(0x9E3779B1)

_WORD_BYTE = np.zeros(256, dtype=bool)
_DIGIT_BYTE = np.zeros(256, dtype=bool)
for _c in b"0123456789":
    _DIGIT_BYTE[_c] = True
for _c in b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True

_REPLACEMENTS = tuple((chr(code), repl) for code, repl in _QUOTES.items())


def fast_normalise(text: str) -> str:
    """Same result as `store.text.normalise`, several times faster on news text."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text)
    for char, repl in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, repl)
    return " ".join(text.casefold().split())


def normalise_all(texts: Sequence[str]) -> list[str]:
    return [fast_normalise(t) for t in texts]


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
    def __init__(self) -> None:
        self.fwd = np.ones(1, dtype=np.uint32)
        self.inv = np.ones(1, dtype=np.uint32)

    def upto(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.fwd) < n:
            size = max(n, 2 * len(self.fwd))
            self.fwd = _geometric(_Q, size)
            self.inv = _geometric(_Q_INV, size)
        return self.fwd[:n], self.inv[:n]


_POWERS = _Powers()


def _word_hash_of(word: str) -> int:
    data = np.frombuffer(word.encode("utf-8"), dtype=np.uint8)
    fwd, _ = _POWERS.upto(len(data))
    return int(np.sum((data.astype(np.uint32) + np.uint32(1)) * fwd, dtype=np.uint32))


_STOP_HASHES = np.array(sorted(_word_hash_of(w) for w in STOPWORDS), dtype=np.uint32)
_NUMBER = np.uint32(0x5DEECE66)
_FILTER_MASK = np.uint32(0xFFFFF)
_STOP_FILTER = np.zeros(int(_FILTER_MASK) + 1, dtype=bool)
_STOP_FILTER[_STOP_HASHES & _FILTER_MASK] = True


@dataclass(frozen=True)
class Signatures:
    sig: np.ndarray      # (n, NUM_HASHES) uint32
    words: np.ndarray    # (n,) int32: words in the normalised text
    shingles: np.ndarray  # (n,) int32: content bigrams; 0 means the signature is empty


def _chunk(texts: Sequence[str]) -> Signatures:
    n = len(texts)
    joined = (_SEP.join(texts) + _SEP).encode("utf-8")
    b = np.frombuffer(joined, dtype=np.uint8)
    isw = _WORD_BYTE[b]
    edge = np.diff(isw.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    seps = np.flatnonzero(b == 0)
    para = np.searchsorted(seps, starts).astype(np.int64)
    nwords = np.bincount(para, minlength=n).astype(np.int32)

    fwd, inv = _POWERS.upto(len(b) + 1)
    g = np.empty(len(b) + 1, dtype=np.uint32)
    g[0] = 0
    values = b.astype(np.uint32)
    values += np.uint32(1)
    values *= fwd[1:]
    np.cumsum(values, out=g[1:])
    del values
    wh = (g[ends] - g[starts]) * inv[starts + 1]
    wh[_DIGIT_BYTE[b[starts]]] = _NUMBER
    keep = ~_STOP_FILTER[wh & _FILTER_MASK]
    maybe = np.flatnonzero(~keep)
    keep[maybe] = ~np.isin(wh[maybe], _STOP_HASHES)
    wh, wpara = _mix(wh[keep].astype(np.uint64)), para[keep]

    same = wpara[:-1] == wpara[1:]
    sh = _mix(wh[:-1] * _PAIR + wh[1:])[same]
    spara = wpara[:-1][same]
    nsh = np.bincount(spara, minlength=n).astype(np.int32)

    sig = np.full(n * NUM_HASHES, EMPTY, dtype=np.uint32)
    bins = (sh >> np.uint64(64 - _BIN_BITS)).astype(np.int64)
    np.minimum.at(sig, spara * NUM_HASHES + bins, (sh & np.uint64(0xFFFFFFFF)).astype(np.uint32))
    sig = _densify(sig.reshape(n, NUM_HASHES), nsh)
    return Signatures(sig, nwords, nsh)


def _densify(sig: np.ndarray, nsh: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the next filled bin to its right (circularly), shifted by the distance."""
    cols = np.ascontiguousarray(sig.T)
    has_all = cols != EMPTY
    near_all = np.empty_like(cols)
    dist_all = np.empty_like(cols)
    nearest = np.full(sig.shape[0], EMPTY, dtype=np.uint32)
    dist = np.zeros(sig.shape[0], dtype=np.uint32)
    for j in range(2 * NUM_HASHES - 1, -1, -1):
        has = has_all[j % NUM_HASHES]
        dist += np.uint32(1)
        np.copyto(nearest, cols[j % NUM_HASHES], where=has)
        np.copyto(dist, np.uint32(0), where=has)
        if j < NUM_HASHES:
            near_all[j] = nearest
            dist_all[j] = dist
    dist_all *= _ROTATE
    near_all += dist_all
    out = np.where(has_all, cols, near_all)
    out[:, nsh == 0] = EMPTY
    return np.ascontiguousarray(out.T)


def signatures(normalised: Sequence[str], workers: int = 2) -> Signatures:
    """Signatures for texts already passed through `fast_normalise`."""
    chunks = [normalised[i:i + _CHUNK_TEXTS] for i in range(0, len(normalised), _CHUNK_TEXTS)]
    if workers > 1 and len(chunks) > 1:
        _POWERS.upto(max(sum(map(len, c)) + 2 * len(c) for c in chunks) * 2)
        with ThreadPoolExecutor(workers) as pool:
            parts = list(pool.map(_chunk, chunks))
    else:
        parts = [_chunk(c) for c in chunks]
    if not parts:
        return Signatures(np.empty((0, NUM_HASHES), np.uint32), np.empty(0, np.int32), np.empty(0, np.int32))
    return Signatures(
        np.concatenate([p.sig for p in parts]),
        np.concatenate([p.words for p in parts]),
        np.concatenate([p.shingles for p in parts]),
    )


def band_keys(sig: np.ndarray) -> np.ndarray:
    """(n, BANDS) int64 keys; two texts are candidates when any key is equal. Keys carry the band number.

    A band takes bins BANDS apart, not neighbours: densified neighbours often copy one shingle.
    """
    rows = sig[:, : BANDS * ROWS].astype(np.uint64).reshape(len(sig), ROWS, BANDS).transpose(0, 2, 1)
    key = _BAND_SALT[None, :]
    for r in range(ROWS):
        key = _mix(key ^ rows[:, :, r])
    return key.view(np.int64)


def estimated_jaccard(sig: np.ndarray, left: np.ndarray, right: np.ndarray, chunk: int = 250_000) -> np.ndarray:
    """Share of equal bins, on the low byte of each bin (1/256 chance agreement per bin is negligible here)."""
    low = sig.astype(np.uint8)
    out = np.empty(len(left), dtype=np.float32)
    for i in range(0, len(left), chunk):
        eq = low[left[i:i + chunk]] == low[right[i:i + chunk]]
        out[i:i + chunk] = np.count_nonzero(eq, axis=1) / sig.shape[1]
    return out
