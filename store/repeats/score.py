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
from rapidfuzz.distance import Indel

DEFAULT_THRESHOLD = 90.0
SHORT_WORDS = 10
"""Texts with fewer words repeat only as exact copies (after normalising case and quotes)."""
CONTAIN_MIN_WORDS = 20
CONTAIN_LENGTH_RATIO = 0.5
BASES = ("words", "chars")


def prepare(normalised: str) -> str:
    return utils.default_process(normalised)


def encode_words(prepared: Sequence[str]) -> list[str]:
    """Each word as one character, so a string metric measures word sequences."""
    vocabulary: set[str] = set()
    for text in prepared:
        vocabulary.update(text.split())
    table = {word: _code_point(i) for i, word in enumerate(vocabulary)}
    lookup = table.__getitem__
    return ["".join(map(lookup, text.split())) for text in prepared]


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


def containment(left_codes: Sequence[str], right_codes: Sequence[str]) -> np.ndarray:
    """100 x (longest common subsequence of words) / (words in the shorter text), on encoded texts."""
    dist = process.cpdist(left_codes, right_codes, scorer=Indel.distance, workers=-1).astype(np.float32)
    len_l = np.fromiter(map(len, left_codes), dtype=np.float32, count=len(left_codes))
    len_r = np.fromiter(map(len, right_codes), dtype=np.float32, count=len(right_codes))
    common = (len_l + len_r - dist) / 2
    return (100 * common / np.maximum(np.minimum(len_l, len_r), 1)).astype(np.float32)


class PreparedTexts:
    """Normalised texts made ready for scoring once, then scored in pairs by position."""

    def __init__(self, normalised: Sequence[str], base: str = "words") -> None:
        self.base = base
        self.texts = [prepare(t) for t in normalised]
        self.codes = encode_words(self.texts)
        self.words = np.fromiter(map(len, self.codes), dtype=np.int64, count=len(self.codes))

    def score(self, left: np.ndarray, right: np.ndarray, cutoff: float = 0.0) -> np.ndarray:
        """Scores (0-100) of pairs; below `cutoff` may be reported as 0."""
        if len(left) == 0:
            return np.empty(0, dtype=np.float32)
        seqs = self.codes if self.base == "words" else self.texts
        left_list, right_list = left.tolist(), right.tolist()
        scores = process.cpdist(
            [seqs[i] for i in left_list], [seqs[i] for i in right_list],
            scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1,
        ).astype(np.float32)
        below = scores < (cutoff if cutoff > 0 else 100.0)
        guarded = np.flatnonzero(contain_guard(self.words[left], self.words[right]) & below)
        if len(guarded):
            codes = self.codes
            contained = containment([codes[left_list[i]] for i in guarded], [codes[right_list[i]] for i in guarded])
            scores[guarded] = np.maximum(scores[guarded], contained)
        return scores


def score_pairs(left: Sequence[str], right: Sequence[str], cutoff: float = 0.0, base: str = "words") -> np.ndarray:
    """Scores of pairs of normalised texts."""
    texts = PreparedTexts(list(left) + list(right), base)
    index = np.arange(len(left))
    return texts.score(index, index + len(left), cutoff)


def score(a: str, b: str) -> float:
    return float(score_pairs([a], [b])[0])
