"""The similarity score that decides whether two paragraphs are repeats.

`ratio` over the sequence of words (each word one symbol, so a changed name or figure costs one word,
not its letters), raised to the word containment of the shorter text in the longer when both are long
and not too different in length: the share of the shorter text's words found in the same order in the
longer. An appended clause or a dropped sentence then still scores high; a headline against the
paragraph that contains it (short, very different length) stays low; and paragraphs that merely share
vocabulary (which word *set* comparisons such as `token_set_ratio` reward) or one template sentence do
not match. Chosen by `bench/repeats_pairs.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process, utils

DEFAULT_THRESHOLD = 93.0
SHORT_WORDS = 10
"""Texts with fewer words repeat only as exact copies (after normalising case and quotes)."""
CONTAIN_MIN_WORDS = 20
CONTAIN_LENGTH_RATIO = 0.55
BASES = ("words", "chars")


def prepare(normalised: str) -> str:
    return utils.default_process(normalised)


def encode_words(prepared: Sequence[str]) -> list[str]:
    """Each whitespace-separated word as one character (a table built for these texts)."""
    words = f" {_SEPARATOR} ".join(prepared).split()
    vocabulary = dict.fromkeys(words)
    vocabulary.pop(_SEPARATOR, None)
    table = dict(zip(vocabulary, map(_code_point, range(len(vocabulary)))))
    table[_SEPARATOR] = _SEPARATOR
    return "".join(map(table.__getitem__, words)).split(_SEPARATOR) if prepared else []


_SEPARATOR = "\x01"


def _code_point(index: int) -> str:
    point = 0x100 + index % 0x10F000
    return chr(point + 0x800 if point >= 0xD800 else point)


def contain_guard(words_a: np.ndarray, words_b: np.ndarray) -> np.ndarray:
    shorter = np.minimum(words_a, words_b)
    longer = np.maximum(words_a, words_b)
    return (shorter >= CONTAIN_MIN_WORDS) & (shorter >= CONTAIN_LENGTH_RATIO * longer)


def could_match(words_a: np.ndarray, words_b: np.ndarray, threshold: float) -> np.ndarray:
    """Pairs whose lengths allow a score at the threshold (`ratio` cannot exceed 200 x shorter / total)."""
    shorter = np.minimum(words_a, words_b)
    return (200.0 * shorter >= threshold * (words_a + words_b)) | contain_guard(words_a, words_b)


def word_scores(left: Sequence[str], right: Sequence[str], cutoff: float = 0.0) -> np.ndarray:
    """Scores of word-coded text pairs (one character per word); below `cutoff` may be reported as 0."""
    return word_scores_and_ratios(left, right, cutoff)[0]


def word_scores_and_ratios(
    left: Sequence[str], right: Sequence[str], cutoff: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """`word_scores`, and the plain word `ratio` of each pair (what tells apart two texts that both
    contain a third, which scores 100 against either).

    `ratio` is 200 x (longest common subsequence) / (total length), so the containment of the shorter
    text comes from the same computation: common = ratio x total / 200.
    """
    if len(left) == 0:
        return np.empty(0, dtype=np.float32), np.empty(0, dtype=np.float32)
    len_l = np.fromiter(map(len, left), dtype=np.float32, count=len(left))
    len_r = np.fromiter(map(len, right), dtype=np.float32, count=len(right))
    # Under the guard the longer text is at most 1/CONTAIN_LENGTH_RATIO times the shorter, which bounds
    # how far below the cutoff a ratio may be and still give containment at the cutoff.
    floor = cutoff * 2 * CONTAIN_LENGTH_RATIO / (1 + CONTAIN_LENGTH_RATIO)
    ratio = process.cpdist(left, right, scorer=fuzz.ratio, score_cutoff=floor, workers=-1).astype(np.float32)
    shorter = np.maximum(np.minimum(len_l, len_r), 1)
    contained = ratio * (len_l + len_r) / (2 * shorter)
    guarded = contain_guard(len_l, len_r)
    scores = np.where(guarded, np.maximum(ratio, np.minimum(contained, 100)), ratio)
    return np.where(scores >= cutoff, scores, 0).astype(np.float32), ratio


def char_scores(left: Sequence[str], right: Sequence[str], left_codes: Sequence[str], right_codes: Sequence[str],
                cutoff: float = 0.0) -> np.ndarray:
    """`ratio` on characters of prepared texts, raised to word containment under the same guard."""
    ratio = process.cpdist(left, right, scorer=fuzz.ratio, workers=-1).astype(np.float32)
    words = word_scores(left_codes, right_codes)
    len_l = np.fromiter(map(len, left_codes), dtype=np.float32, count=len(left_codes))
    len_r = np.fromiter(map(len, right_codes), dtype=np.float32, count=len(right_codes))
    shorter = np.maximum(np.minimum(len_l, len_r), 1)
    contained = np.minimum(words * (len_l + len_r) / (2 * shorter), 100)
    scores = np.where(contain_guard(len_l, len_r), np.maximum(ratio, contained), ratio)
    return np.where(scores >= cutoff, scores, 0).astype(np.float32)


def score_pairs(left: Sequence[str], right: Sequence[str], cutoff: float = 0.0, base: str = "words") -> np.ndarray:
    """Scores of pairs of normalised texts."""
    from store.repeats.minhash import word_codes

    codes = word_codes(list(left) + list(right))
    lc, rc = codes[: len(left)], codes[len(left):]
    if base == "chars":
        return char_scores([prepare(t) for t in left], [prepare(t) for t in right], lc, rc, cutoff)
    return word_scores(lc, rc, cutoff)


def score(a: str, b: str) -> float:
    return float(score_pairs([a], [b])[0])
