"""Grouping on in-memory arrays: exact copies by key, candidates by LSH and by sentence keys (a copy
that drops a sentence, or edits inside one, shares one with its source), verified by the scorer.

Every text is placed in order of (published, longest first, id). A text joins the group whose
representative it matches best at or above the threshold, among representatives placed before it;
otherwise it becomes a representative itself, as it also does when a later text matches it better,
matches nothing earlier as well and cannot join that representative (the two then lead their own
group). Members never recruit (no chaining), and the representative of a group is always its
earliest, longest text.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from dataclasses import dataclass, field

import numpy as np

from store.repeats import minhash
from store.repeats.score import DEFAULT_THRESHOLD, SHORT_WORDS, could_match, word_scores_and_ratios

BOILERPLATE_WORDS = 20
BOILERPLATE_DOCS = 5
"""A text under BOILERPLATE_WORDS words found verbatim in BOILERPLATE_DOCS documents or more is page furniture."""
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
"""Candidates whose signatures agree on fewer bins than MIN_JACCARD, and do not suggest that
MIN_CONTAINMENT of the shorter text's shingles are in the longer, are not scored."""
BAND_CHUNK = 1
SCORE_CHUNK = 1_000_000
ROUGH_JACCARD = 0.25
"""Pairs agreeing on fewer than this share of the first half of the bins are not scored: they cannot
plausibly reach MIN_JACCARD or MIN_CONTAINMENT."""
WINDOW = 2
FIRST = 3
NO_DATE = np.int32(99_999_999)


@dataclass(frozen=True)
class Settings:
    threshold: float = DEFAULT_THRESHOLD
    short_words: int = SHORT_WORDS
    boilerplate_words: int = BOILERPLATE_WORDS
    boilerplate_docs: int = BOILERPLATE_DOCS
    min_jaccard: float = MIN_JACCARD
    min_containment: float = MIN_CONTAINMENT


@dataclass
class Batch:
    """Paragraphs to group. `published` as YYYYMMDD integers (NO_DATE when unknown)."""

    ids: np.ndarray
    texts: Sequence[str]
    published: np.ndarray
    doc_ids: np.ndarray
    keys: np.ndarray | None = None
    """Exact-copy key per text (equal for equal normalised text); computed when absent."""
    shared_docs: np.ndarray | None = None
    """Documents holding each text verbatim, counted over the whole collection; from the batch when absent."""
    exempt: np.ndarray | None = None
    """Texts never treated as boilerplate (titles)."""
    fixed: np.ndarray | None = None
    """Texts that stay representatives (their groups are held elsewhere); nothing here may outrank them."""


@dataclass
class Grouping:
    rep: np.ndarray
    """Index (into the batch) of each text's representative; -1 for boilerplate."""
    score: np.ndarray
    indexed: np.ndarray
    """Indices of representatives that carry LSH keys (long enough for fuzzy matching)."""
    band_keys: np.ndarray
    """(len(indexed), BANDS) LSH keys of those representatives."""
    sentence_keys: np.ndarray
    sentence_texts: np.ndarray
    """Sentence keys (`minhash._sentence_keys`) of those representatives, and the index of each key's text."""
    words: np.ndarray
    text_keys: np.ndarray
    lengths: np.ndarray
    low: np.ndarray
    """`minhash.low_bytes` of each text's signature, for `plausible` checks against later texts."""
    shingles: np.ndarray
    stats: dict[str, int] = field(default_factory=dict)


def published_number(value: str | None) -> int:
    if not value or len(value) < 10:
        return int(NO_DATE)
    try:
        return int(value[:4] + value[5:7] + value[8:10])
    except ValueError:
        return int(NO_DATE)


def text_keys(normalised: Sequence[str]) -> np.ndarray:
    return np.fromiter((hash(s) for s in normalised), dtype=np.int64, count=len(normalised))


def hex_keys(hashes: Sequence[str]) -> np.ndarray:
    """Stored `text_hash` values as int64 keys."""
    return np.fromiter((int(h[:16], 16) for h in hashes), dtype=np.uint64, count=len(hashes)).view(np.int64)


def placement_order(batch: Batch, lengths: np.ndarray) -> np.ndarray:
    return np.lexsort((np.asarray(batch.ids), -lengths, np.asarray(batch.published)))


class _Clock:
    def __init__(self, stats: dict[str, float]) -> None:
        self.stats = stats
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.stats[f"t_{stage}"] = now - self.last
        self.stats[f"mb_{stage}"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        self.last = now


def group_batch(batch: Batch, settings: Settings = Settings()) -> Grouping:
    n = len(batch.texts)
    stats: dict = {}
    clock = _Clock(stats)
    texts = batch.texts
    if batch.keys is not None:
        keys = np.asarray(batch.keys, dtype=np.int64)
    else:
        keys = np.fromiter(map(minhash.normalised_key, texts), dtype=np.int64, count=n)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    order = placement_order(batch, lengths)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)

    cls, heads = _classes(np.asarray(keys, dtype=np.int64), order)
    n_cls = len(heads)
    head_rank = rank[heads]
    clock("normalise")

    sig = minhash.signatures(minhash.hashable_all(_pick(texts, heads)))
    clock("minhash")
    words = sig.words
    shared = _shared_docs(batch, cls, n_cls)
    boiler = (words < settings.boilerplate_words) & (shared >= settings.boilerplate_docs)
    if batch.exempt is not None:
        exempt_cls = np.zeros(n_cls, dtype=bool)
        exempt_cls[cls[np.asarray(batch.exempt, dtype=bool)]] = True
        boiler &= ~exempt_cls
    fuzzy = np.flatnonzero((words >= settings.short_words) & ~boiler & (sig.shingles > 0))
    band = minhash.band_keys(sig.sig[fuzzy])

    stats.update({"texts": n, "distinct": n_cls, "boilerplate": int(boiler.sum())})
    fixed = np.zeros(n_cls, dtype=bool)
    if batch.fixed is not None:
        fixed[cls[np.asarray(batch.fixed, dtype=bool)]] = True
    left, right = _filtered_candidates(band, fuzzy, head_rank, sig, settings, stats, fixed)
    by_sentence = _sentence_candidates(sig, fuzzy, settings, fixed)
    stats["sentence_pairs"] = len(by_sentence[0])
    pair = distinct(np.concatenate((left * n_cls + right, by_sentence[0] * n_cls + by_sentence[1])))
    left, right = pair // n_cls, pair % n_cls
    stats["scored"] = len(left)
    clock("candidates")

    involved = distinct(np.concatenate((left, right)))
    codes = np.empty(len(involved), dtype=object)
    codes[:] = sig.codes(involved)
    low = minhash.low_bytes(sig.sig)
    shingles = sig.shingles
    sentence_keys, sentence_cls = sig.sentence_keys, sig.sentence_rows
    del sig
    slot = np.zeros(n_cls, dtype=np.int64)
    slot[involved] = np.arange(len(involved))
    scored = [
        word_scores_and_ratios(codes[slot[left[i0:i0 + SCORE_CHUNK]]], codes[slot[right[i0:i0 + SCORE_CHUNK]]],
                               settings.threshold)
        for i0 in range(0, len(left), SCORE_CHUNK)
    ]
    scores = np.concatenate([np.empty(0, np.float32)] + [part[0] for part in scored])
    ratios = np.concatenate([np.empty(0, np.float32)] + [part[1] for part in scored])
    del scored
    hit = scores >= settings.threshold
    left, right, scores, ratios = left[hit], right[hit], scores[hit], ratios[hit]
    stats["matches"] = len(left)
    clock("score")

    leader, cls_score = _leaders(n_cls, head_rank, left, right, scores, ratios, fixed)
    rep_cls = leader[cls]
    rep = heads[rep_cls]
    score = np.where(rep_cls == cls, np.float32(100.0), cls_score[cls]).astype(np.float32)
    excluded = boiler[cls]
    rep[excluded] = -1
    score[excluded] = 0.0

    is_leader_fuzzy = leader[fuzzy] == fuzzy
    indexed_cls = np.zeros(n_cls, dtype=bool)
    indexed_cls[fuzzy[is_leader_fuzzy]] = True
    with_keys = indexed_cls[sentence_cls]
    clock("place")
    return Grouping(
        rep=rep, score=score, indexed=heads[fuzzy[is_leader_fuzzy]], band_keys=band[is_leader_fuzzy],
        sentence_keys=sentence_keys[with_keys], sentence_texts=heads[sentence_cls[with_keys]],
        words=words[cls].astype(np.int32), text_keys=keys, lengths=lengths, low=low[cls], shingles=shingles[cls],
        stats=stats,
    )


def _pick(values: list[str], index: np.ndarray) -> list[str]:
    if len(index) == 0:
        return []
    if len(index) == 1:
        return [values[int(index[0])]]
    return list(itemgetter(*index.tolist())(values))


def _classes(keys: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Class of each text (texts with equal keys share one) and each class's head: its first text in `order`.

    Classes are numbered in the order of their heads.
    """
    by_key = order[np.argsort(keys[order], kind="stable")]
    sorted_keys = keys[by_key]
    new = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
    heads = by_key[new]
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    heads = heads[np.argsort(position[heads], kind="stable")]
    label = np.empty(len(order), dtype=np.int64)
    label[heads] = np.arange(len(heads))
    cls = np.empty(len(order), dtype=np.int64)
    cls[by_key] = label[by_key[np.maximum.accumulate(np.where(new, np.arange(len(new)), 0))]]
    return cls, heads


def distinct(values: np.ndarray) -> np.ndarray:
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _shared_docs(batch: Batch, cls: np.ndarray, n_cls: int) -> np.ndarray:
    if batch.shared_docs is not None:
        out = np.zeros(n_cls, dtype=np.int64)
        np.maximum.at(out, cls, np.asarray(batch.shared_docs, dtype=np.int64))
        return out
    docs = np.asarray(batch.doc_ids, dtype=np.int64)
    pairs = distinct(cls * (int(docs.max(initial=0)) + 1) + docs)
    return np.bincount(pairs // (int(docs.max(initial=0)) + 1), minlength=n_cls)


def plausible(
    low_a: np.ndarray, shingles_a: np.ndarray, low_b: np.ndarray, shingles_b: np.ndarray, settings: Settings,
    keys_a: np.ndarray | None = None, most: int = 0,
) -> np.ndarray:
    """Row pairs whose signatures make a match plausible: enough equal bins, or the shorter text
    apparently contained in the longer. With `keys_a` and `most`, only the `most` likeliest pairs
    of each key are kept."""
    if len(low_a) == 0:
        return np.zeros(0, dtype=bool)
    both = np.concatenate((low_a, low_b))
    index = np.arange(len(low_a))
    est = minhash.estimated_jaccard(both, index, index + len(low_a))
    na, nb = shingles_a.astype(np.float32), shingles_b.astype(np.float32)
    contained = est * (na + nb) / ((1 + est) * np.maximum(np.minimum(na, nb), 1))
    keep = (est >= settings.min_jaccard) | (contained >= settings.min_containment)
    if keys_a is not None and most:
        order = np.lexsort((-np.maximum(est, contained), keys_a))
        sorted_keys = keys_a[order]
        starts = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
        index = np.arange(len(order))
        place = index - np.maximum.accumulate(np.where(starts, index, 0))
        within = np.empty(len(order), dtype=bool)
        within[order] = place < most
        keep &= within
    return keep


def _filtered_candidates(
    band: np.ndarray, nodes: np.ndarray, rank: np.ndarray, sig: minhash.Signatures, settings: Settings,
    stats: dict, fixed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs worth scoring, a few bands at a time so the unfiltered pairs never pile up.

    A pair is kept when its lengths allow the threshold and its signatures agree on at least
    `min_jaccard` of their bins, or suggest the shorter text is mostly contained in the longer.
    """
    low = minhash.low_bytes(sig.sig)
    bins = low.shape[1] * 8
    words, shingles = sig.words, sig.shingles.astype(np.float32)
    present = np.argsort(sig.figures[nodes], kind="stable")
    present_nodes = nodes[present]

    def chunk(first: int) -> tuple[np.ndarray, np.ndarray, int]:
        left, right = _candidates(band[present, first:first + BAND_CHUNK], present_nodes)
        seen = len(left)
        keep = could_match(words[left], words[right], settings.threshold) & ~(fixed[left] & fixed[right])
        left, right = left[keep], right[keep]
        head, total = minhash.equal_bins(low, left, right, low.shape[1] // 2)
        keep = head >= ROUGH_JACCARD * bins / 2
        left, right = left[keep], right[keep]
        est = total[keep] / np.float32(bins)
        na, nb = shingles[left], shingles[right]
        contained = est * (na + nb) / ((1 + est) * np.maximum(np.minimum(na, nb), 1))
        keep = (est >= settings.min_jaccard) | (contained >= settings.min_containment)
        return left[keep], right[keep], seen

    firsts = range(0, band.shape[1], BAND_CHUNK)
    if len(nodes) > 50_000:
        with ThreadPoolExecutor(2) as pool:
            parts = list(pool.map(chunk, firsts))
    else:
        parts = [chunk(first) for first in firsts]
    lefts = [p[0] for p in parts]
    rights = [p[1] for p in parts]
    seen = sum(p[2] for p in parts)
    stats["candidates"] = seen
    if not lefts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    width = len(rank)
    pair = distinct(np.concatenate(lefts).astype(np.int64) * width + np.concatenate(rights))
    return pair // width, pair % width


def _candidates(band: np.ndarray, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(earlier, later) node pairs sharing a band key; node numbers are in rank order.

    Within a bucket (in the order of `nodes`) each node pairs with the WINDOW nodes before it and with
    the first FIRST - 1 nodes, and in buckets larger than that with the bucket's earliest node: every
    pair in small buckets, and a linear number in the large buckets a family of look-alike texts
    produces, where the earliest node is the one that leads a group. With `nodes` ordered by the
    figures they hold, texts that differ only in their figures (which share one signature) are not
    neighbours in a bucket, while an edited copy and its source usually are. Pairs may repeat.
    """
    if len(nodes) < 2:
        return np.empty(0, np.int32), np.empty(0, np.int32)
    flat_keys = band.ravel()
    flat_nodes = np.repeat(nodes.astype(np.int32), band.shape[1])
    order = np.argsort(flat_keys, kind="stable")
    left, right = _bucket_pairs(flat_keys[order], flat_nodes[order], FIRST - 1, earliest=True)
    return np.minimum(left, right), np.maximum(left, right)


def _bucket_pairs(
    keys: np.ndarray, values: np.ndarray, first: int = FIRST, earliest: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs within runs of equal keys (`keys` sorted): each value with the WINDOW before it and the
    `first` of its run, and with `earliest`, in runs too long for all pairs, with the run's lowest value.
    Pairs are (earlier, later) in the given order, except those with the lowest value, which comes first."""
    same_next = keys[1:] == keys[:-1]
    shared = np.zeros(len(keys), dtype=bool)
    shared[:-1] = same_next
    shared[1:] |= same_next
    keys, values = keys[shared], values[shared]
    lefts, rights = [], []
    for d in range(1, WINDOW + 1):
        same = keys[d:] == keys[:-d]
        lefts.append(values[:-d][same])
        rights.append(values[d:][same])
    starts = np.concatenate(([True], keys[1:] != keys[:-1]))
    index = np.arange(len(keys))
    run_start = np.maximum.accumulate(np.where(starts, index, 0))
    local = index - run_start
    for j in range(first):
        ok = local - j > WINDOW
        lefts.append(values[run_start[ok] + j])
        rights.append(values[ok])
    if earliest and len(keys):
        run_first = np.flatnonzero(starts)
        size = np.diff(np.append(run_first, len(keys)))
        lowest = np.repeat(np.minimum.reduceat(values, run_first), size)
        ok = np.repeat(size > WINDOW + first + 1, size) & (lowest != values)
        lefts.append(lowest[ok])
        rights.append(values[ok])
    return np.concatenate(lefts), np.concatenate(rights)


def _sentence_candidates(
    sig: minhash.Signatures, fuzzy: np.ndarray, settings: Settings, fixed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs sharing a sentence key (one text is the other without a sentence, or they differ inside one)."""
    is_fuzzy = np.zeros(len(sig.words), dtype=bool)
    is_fuzzy[fuzzy] = True
    keys, rows = sig.sentence_keys, sig.sentence_rows
    keep = is_fuzzy[rows]
    keys, rows = keys[keep], rows[keep]
    if len(keys) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    order = np.lexsort((rows, keys))
    left, right = _bucket_pairs(keys[order], rows[order])
    keep = (left != right) & could_match(sig.words[left], sig.words[right], settings.threshold)
    keep &= ~(fixed[left] & fixed[right])
    return left[keep], right[keep]


def _leaders(
    n: int, rank: np.ndarray, left: np.ndarray, right: np.ndarray, scores: np.ndarray, ratios: np.ndarray,
    fixed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Greedy placement in rank order over verified matches; `left` is always the earlier node.

    A text joins the representative it scores highest with; between equal scores (a text contained
    in two longer ones scores 100 with both), the one it is most like as a whole, then the earliest."""
    leader = np.arange(n)
    best = np.full(n, 100.0, dtype=np.float32)
    if len(left) == 0:
        return leader, best
    order = np.lexsort((rank[left], -ratios, -scores, rank[right]))
    # A text does not join an earlier representative when a later text matches it better, matches nothing
    # earlier as well, and cannot join that representative itself: the two lead a group of their own.
    # Otherwise a copy dated before its source joins an earlier look-alike, and the source, which cannot
    # join a member, is left alone.
    best_in = np.zeros(n, dtype=np.float32)
    np.maximum.at(best_in, right, scores)
    preferred = np.flatnonzero((scores >= best_in[right]) & ~fixed[right])
    wanted_by: dict[int, list[tuple[int, float]]] = {}
    for v, w, sc in zip(left[preferred].tolist(), right[preferred].tolist(), scores[preferred].tolist()):
        wanted_by.setdefault(v, []).append((w, sc))
    matched = set(zip(left.tolist(), right.tolist())) if wanted_by else set()
    lead = leader.tolist()
    stay = fixed.tolist()
    current = -1
    placed = False
    for u, v, s in zip(left[order].tolist(), right[order].tolist(), scores[order].tolist()):
        if v != current:
            current, placed = v, stay[v]
        if placed or lead[u] != u:
            continue
        if v in wanted_by and any(sc > s and (u, w) not in matched for w, sc in wanted_by[v]):
            placed = True
            continue
        lead[v] = u
        best[v] = s
        placed = True
    return np.asarray(lead, dtype=np.int64), best
