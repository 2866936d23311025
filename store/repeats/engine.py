"""Grouping on in-memory arrays: exact copies by key, candidates by LSH and by sentence keys (a copy
that drops a sentence, or edits inside one, shares one with its source), verified by the scorer.

Every text is placed in order of (published, longest first, `Batch.order` or id). A text joins the group whose
representative it matches best at or above the threshold, among representatives placed before it;
otherwise it becomes a representative itself, as it also does when a later text matches it better,
matches nothing earlier as well and cannot join that representative (the two then lead their own
group). Members never recruit (no chaining), and the representative of a group is always its
earliest, longest text.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from store.repeats import minhash
from store.repeats.spool import (
    ArraySpool, BandSpool, CodeSpool, KeyRuns, ListTexts, TextSource, key_edges, release_freed_memory,
    share_one_malloc_arena, text_source,
)
from store.repeats.score import DEFAULT_THRESHOLD, SHORT_WORDS, could_match, word_scores_and_ratios

BOILERPLATE_WORDS = 20
BOILERPLATE_DOCS = 5
"""A text under BOILERPLATE_WORDS words found verbatim in BOILERPLATE_DOCS documents or more is page furniture."""
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
"""Candidates whose signatures agree on fewer bins than MIN_JACCARD, and do not suggest that
MIN_CONTAINMENT of the shorter text's shingles are in the longer, are not scored."""
ROUGH_JACCARD = 0.25
"""Pairs agreeing on fewer than this share of the first half of the bins are not scored: they cannot
plausibly reach MIN_JACCARD or MIN_CONTAINMENT."""
WINDOW = 2
FIRST = 3
NO_DATE = np.int32(99_999_999)
T = TypeVar("T")
R = TypeVar("R")


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
    texts: Sequence[str] | TextSource
    published: np.ndarray
    doc_ids: np.ndarray | None
    """Needed only to count `shared_docs` when they are not given."""
    keys: np.ndarray | None = None
    """Exact-copy key per text (equal for equal normalised text); computed when absent."""
    shared_docs: np.ndarray | None = None
    """Documents holding each text verbatim, counted over the whole collection; from the batch when absent."""
    exempt: np.ndarray | None = None
    """Texts never treated as boilerplate (titles)."""
    fixed: np.ndarray | None = None
    """Texts that stay representatives (their groups are held elsewhere); nothing here may outrank them."""
    order: np.ndarray | None = None
    """What places one of two texts of one date and length first (lower first); `ids` when absent."""
    lengths: np.ndarray | None = None
    """Characters in each text; asked of `texts` when absent."""


@dataclass
class Grouping:
    rep: np.ndarray
    """Index (into the batch) of each text's representative; -1 for boilerplate."""
    score: np.ndarray
    indexed: np.ndarray
    """Indices of representatives that carry LSH keys (long enough for fuzzy matching)."""
    bands: BandSpool
    """LSH keys of every text long enough for fuzzy matching (rows `band_rows` are those of `indexed`)."""
    band_rows: np.ndarray
    prints: ArraySpool
    """`minhash.pack_prints` of the same texts, in the same rows as `bands`: stored with the index."""
    sentence_keys: ArraySpool
    sentence_rows: ArraySpool
    """Sentence keys (`minhash._sentence_keys`) of every class's head, and the class of each: `sentences` reads
    those of the indexed representatives."""
    heads: np.ndarray
    """Index of each class's first text."""
    indexed_cls: np.ndarray
    """Whether each class's head is indexed."""
    cls: np.ndarray
    """Class of each text (equal texts share one); the per-class arrays below are indexed by it."""
    words: np.ndarray
    text_keys: np.ndarray
    lengths: np.ndarray
    low: np.ndarray
    """`minhash.low_bytes` of each class's signature, for `plausible` checks against later texts."""
    shingles: np.ndarray
    stats: dict[str, int] = field(default_factory=dict)

    def band_keys(self) -> np.ndarray:
        """(len(indexed), BANDS) LSH keys of the indexed representatives."""
        return self.bands.rows()[self.band_rows] if len(self.band_rows) else np.empty((0, minhash.BANDS), np.int64)

    def band_rows_between(self, start: int, stop: int) -> np.ndarray:
        """(stop - start, BANDS) keys of indexed representatives start to stop."""
        rows = self.band_rows[start:stop]
        if not len(rows):
            return np.empty((0, minhash.BANDS), np.int64)
        return self.bands.rows(int(rows[0]), int(rows[-1]) + 1)[rows - rows[0]]

    def band_column(self, band: int, start: int = 0, stop: int | None = None) -> np.ndarray:
        """One band's keys of the indexed representatives (start to stop of them)."""
        rows = self.band_rows[start:stop]
        if not len(rows):
            return np.empty(0, np.int64)
        return self.bands.column(band, int(rows[0]), int(rows[-1]) + 1)[rows - rows[0]]

    def print_rows_between(self, start: int, stop: int) -> np.ndarray:
        """(stop - start, PRINT_BYTES) prints of indexed representatives start to stop."""
        rows = self.band_rows[start:stop]
        if not len(rows):
            return np.empty((0, minhash.PRINT_BYTES), np.uint8)
        return self.prints.read(int(rows[0]), int(rows[-1]) + 1)[rows - rows[0]]

    def sentences(self, start: int = 0, stop: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Sentence keys start to stop (of `sentence_count`) that belong to indexed representatives, and the
        index of each key's text."""
        rows = self.sentence_rows.read(start, stop)
        keep = self.indexed_cls[rows]
        return self.sentence_keys.read(start, stop)[keep], self.heads[rows[keep]]

    @property
    def sentence_count(self) -> int:
        return len(self.sentence_keys)

    def close(self) -> None:
        for spool in (self.bands, self.prints, self.sentence_keys, self.sentence_rows):
            spool.close()


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
    ties = batch.ids if batch.order is None else batch.order
    return np.lexsort((np.asarray(batch.ids), np.asarray(ties), -lengths, np.asarray(batch.published)))


def peak_rss_mb() -> int:
    """Peak resident memory of this process so far, where the platform reports it (0 elsewhere)."""
    try:
        import resource
    except ImportError:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


class _Clock:
    def __init__(self, stats: dict[str, float]) -> None:
        self.stats = stats
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        release_freed_memory()
        now = time.perf_counter()
        self.stats[f"t_{stage}"] = now - self.last
        self.stats[f"mb_{stage}"] = peak_rss_mb()
        self.last = now


SIGNATURE_BLOCK = 6_000
"""Texts signed at a time: what is kept of each is its low bytes and counts; keys and codes are spooled."""
SCORE_BLOCK = 25_000
"""Candidate pairs scored at a time, their word codes read back from the spool."""


@dataclass
class _Prints:
    """What grouping keeps of each class's text after signing it."""

    words: np.ndarray
    shingles: np.ndarray
    figures: np.ndarray
    low: np.ndarray
    boiler: np.ndarray
    fuzzy: np.ndarray
    bands: BandSpool
    prints: ArraySpool
    codes: CodeSpool
    sentence_keys: ArraySpool
    sentence_rows: ArraySpool
    """Sentence keys and the class of each, spooled: only the sentence candidates and the index read them."""

    def close(self) -> None:
        for spool in (self.bands, self.prints, self.codes, self.sentence_keys, self.sentence_rows):
            spool.close()


def _prints(
    source: TextSource, heads: np.ndarray, widely_shared: np.ndarray, exempt: np.ndarray, settings: Settings,
    hold_low: bool = True,
) -> _Prints:
    """Sign the head text of each class, a block at a time. Without `hold_low` the low bytes are kept only
    in the prints spool (fuzzy texts), which is all that `_filtered_candidates` reads. `widely_shared`: held
    verbatim by `settings.boilerplate_docs` documents or more."""
    n = len(heads)
    words = np.empty(n, dtype=np.int32)
    shingles = np.empty(n, dtype=np.int32)
    figures = np.empty(n, dtype=np.uint32)
    low = np.empty((n if hold_low else 0, minhash.NUM_HASHES // 8), dtype=np.uint64)
    boiler = np.zeros(n, dtype=bool)
    fuzzy = np.zeros(n, dtype=bool)
    bands = BandSpool(n, minhash.BANDS)
    on_disk = bands.backing.file is not None
    # Texts already held in memory (a list) cost as much as their codes: spooling those only slows scoring.
    codes = CodeSpool(on_disk=on_disk and not isinstance(source, ListTexts))
    sentence_keys, sentence_rows = ArraySpool(np.int64, on_disk), ArraySpool(index_type(n), on_disk)
    packed = ArraySpool(np.uint8, on_disk, width=minhash.PRINT_BYTES)
    prints = _Prints(words, shingles, figures, low, boiler, np.empty(0, np.int64), bands, packed, codes,
                     sentence_keys, sentence_rows)
    try:
        for start in range(0, n, SIGNATURE_BLOCK):
            stop = min(start + SIGNATURE_BLOCK, n)
            sig = minhash.signatures(minhash.hashable_all(source.take(heads[start:stop])))
            words[start:stop], shingles[start:stop], figures[start:stop] = sig.words, sig.shingles, sig.figures
            block_low = minhash.low_bytes(sig.sig)
            if hold_low:
                low[start:stop] = block_low
            block_boiler = (sig.words < settings.boilerplate_words) & widely_shared[start:stop]
            block_boiler &= ~exempt[start:stop]
            boiler[start:stop] = block_boiler
            block_fuzzy = (sig.words >= settings.short_words) & ~block_boiler & (sig.shingles > 0)
            fuzzy[start:stop] = block_fuzzy
            bands.append(minhash.band_keys(sig.sig[block_fuzzy]))
            packed.append(minhash.pack_prints(block_low[block_fuzzy], sig.shingles[block_fuzzy]))
            del block_low
            codes.append(sig.codes(np.arange(stop - start)))
            sentence_keys.append(sig.sentence_keys)
            sentence_rows.append(sig.sentence_rows + start)
            del sig
            release_freed_memory()
    except BaseException:
        prints.close()
        raise
    prints.fuzzy = np.flatnonzero(fuzzy).astype(index_type(n))
    return prints


def group_batch(batch: Batch, settings: Settings = Settings(), keep_signatures: bool = True) -> Grouping:
    """Group a batch. Without `keep_signatures` the result's `low`, `shingles`, `text_keys` and `lengths` are
    left empty (only an in-memory index compares later texts with them), and the batch is spent: its arrays
    but `ids` and `texts` are let go once read, so that a caller holding nothing else of them frees them."""
    share_one_malloc_arena()
    source = text_source(batch.texts)
    n = len(source)
    stats: dict = {}
    clock = _Clock(stats)
    if batch.keys is not None:
        keys = np.asarray(batch.keys, dtype=np.int64)
    else:
        keys = np.concatenate([np.empty(0, np.int64)] + [
            np.fromiter(map(minhash.normalised_key, source.take(np.arange(i, min(i + SIGNATURE_BLOCK, n)))),
                        dtype=np.int64)
            for i in range(0, n, SIGNATURE_BLOCK)
        ])
    lengths = source.lengths() if batch.lengths is None else batch.lengths
    # Classes are numbered in placement order, so a class number also ranks its head.
    cls, heads = _classes(np.asarray(keys, dtype=np.int64), placement_order(batch, lengths))
    n_cls = len(heads)
    widely_shared = _shared_docs(batch, cls, n_cls) >= settings.boilerplate_docs
    exempt_cls = np.zeros(n_cls, dtype=bool)
    if batch.exempt is not None:
        exempt_cls[cls[np.asarray(batch.exempt, dtype=bool)]] = True
    fixed = np.zeros(n_cls, dtype=bool)
    if batch.fixed is not None:
        fixed[cls[np.asarray(batch.fixed, dtype=bool)]] = True
    held_cls = ArraySpool(cls.dtype, on_disk=not keep_signatures)
    if not keep_signatures:
        batch.published = batch.keys = batch.doc_ids = batch.shared_docs = batch.exempt = batch.fixed = None
        batch.order = batch.lengths = None
        keys = lengths = np.empty(0, np.int64)
        # Read back once the matches are placed: until then nothing needs a text's class (4 bytes a text).
        held_cls.append(cls)
        cls = None
    clock("normalise")

    try:
        prints = _prints(source, heads, widely_shared, exempt_cls, settings, hold_low=keep_signatures)
    except BaseException:
        held_cls.close()
        raise
    clock("minhash")
    try:
        words, fuzzy = prints.words, prints.fuzzy
        boiler = prints.boiler
        del widely_shared, exempt_cls

        stats.update({"texts": n, "distinct": n_cls, "boilerplate": int(boiler.sum())})
        pairs = _filtered_candidates(prints, settings, stats, fixed)
        try:
            if not keep_signatures:
                prints.shingles = np.empty(0, np.int32)
            left, right = _sentence_candidates(prints, settings, fixed)
            stats["sentence_pairs"] = len(left)
            _append_missing(pairs, distinct(left.astype(np.int64) * n_cls + right))
            del left, right
            stats["scored"] = len(pairs)
            clock("candidates")

            left, right, scores, ratios = _matches(prints.codes, pairs, n_cls, settings)
        finally:
            pairs.close()
        prints.codes.close()
        stats["matches"] = len(left)
        clock("score")

        leader, cls_score = _leaders(n_cls, left, right, scores, ratios, fixed)
        if cls is None:
            cls = held_cls.read()
        held_cls.close()
        rep_cls = leader[cls]
        rep = heads[rep_cls]
        score = np.where(rep_cls == cls, np.float32(100.0), cls_score[cls]).astype(np.float32)
        excluded = boiler[cls]
        rep[excluded] = -1
        score[excluded] = 0.0

        is_leader_fuzzy = leader[fuzzy] == fuzzy
        indexed_cls = np.zeros(n_cls, dtype=bool)
        indexed_cls[fuzzy[is_leader_fuzzy]] = True
        clock("place")
        return Grouping(
            rep=rep, score=score, indexed=heads[fuzzy[is_leader_fuzzy]], bands=prints.bands,
            band_rows=np.flatnonzero(is_leader_fuzzy), prints=prints.prints,
            sentence_keys=prints.sentence_keys, sentence_rows=prints.sentence_rows, heads=heads,
            indexed_cls=indexed_cls, cls=cls, words=words, text_keys=keys, lengths=lengths,
            low=prints.low, shingles=prints.shingles,
            stats=stats,
        )
    except BaseException:
        prints.close()
        held_cls.close()
        raise


def _matches(
    codes: CodeSpool, pairs: ArraySpool, width: int, settings: Settings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(earlier, later, word score, ratio) of the candidate pairs (codes earlier * width + later) that score
    at or above the threshold, SCORE_BLOCK pairs at a time: only the matches are kept."""
    index = index_type(width)
    lefts, rights = [np.empty(0, index)], [np.empty(0, index)]
    scores, ratios = [np.empty(0, np.float32)], [np.empty(0, np.float32)]
    for i in range(0, len(pairs), SCORE_BLOCK):
        part = pairs.read(i, i + SCORE_BLOCK)
        a, b = (part // width).astype(index), (part % width).astype(index)
        nodes = distinct(np.concatenate((a, b)))
        held = np.empty(len(nodes), dtype=object)
        held[:] = codes.take(nodes)
        score, ratio = word_scores_and_ratios(held[np.searchsorted(nodes, a)], held[np.searchsorted(nodes, b)],
                                              settings.threshold)
        hit = score >= settings.threshold
        lefts.append(a[hit])
        rights.append(b[hit])
        scores.append(score[hit])
        ratios.append(ratio[hit])
    return np.concatenate(lefts), np.concatenate(rights), np.concatenate(scores), np.concatenate(ratios)


def _classes(keys: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Class of each text (texts with equal keys share one) and each class's head: its first text in `order`.

    Classes are numbered in the order of their heads. Both are int32 below 2**31 texts: they are held
    for the whole grouping, at 4 bytes a text each.
    """
    index = index_type(len(order))
    order = order.astype(index, copy=False)
    by_key = order[np.argsort(keys[order], kind="stable")]
    sorted_keys = keys[by_key]
    new = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
    del sorted_keys
    # Runs of equal keys, each headed by its first text in `order`; runs are then numbered in the order of
    # their heads. Indices of 4 bytes, one array at a time: this was the peak of grouping 30,000 articles.
    run_heads = by_key[new]
    position = np.empty(len(order), dtype=index)
    position[order] = np.arange(len(order), dtype=index)
    run_order = np.argsort(position[run_heads], kind="stable")
    del position
    heads = run_heads[run_order]
    label = np.empty(len(run_heads), dtype=index)
    label[run_order] = np.arange(len(run_heads), dtype=index)
    del run_heads, run_order
    run = np.cumsum(new, dtype=index)
    run -= 1
    del new
    cls = np.empty(len(order), dtype=index)
    cls[by_key] = label[run]
    return cls, heads


def index_type(n: int) -> type[np.signedinteger]:
    """The integer type for positions among n items."""
    return np.int32 if n < 2**31 else np.int64


def distinct(values: np.ndarray) -> np.ndarray:
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def distinct_pairs(first: np.ndarray, second: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (first, second) pairs, ordered by first then second; `second` < `width`."""
    pair = distinct(np.asarray(first, dtype=np.int64) * width + second)
    return pair // width, pair % width


def equal_key_matches(
    sorted_keys: np.ndarray, queries: np.ndarray, most: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(query position, position in `sorted_keys`) for every stored key equal to a query key, or for the
    first `most` of them."""
    lo = np.searchsorted(sorted_keys, queries, side="left")
    counts = np.searchsorted(sorted_keys, queries, side="right") - lo
    if most is not None:
        counts = np.minimum(counts, most)
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(np.arange(len(queries)), counts), np.repeat(lo, counts) + within


def _shared_docs(batch: Batch, cls: np.ndarray, n_cls: int) -> np.ndarray:
    if batch.shared_docs is not None:
        out = np.zeros(n_cls, dtype=np.int64)
        np.maximum.at(out, cls, np.asarray(batch.shared_docs, dtype=np.int64))
        return out
    docs = np.asarray(batch.doc_ids, dtype=np.int64)
    pairs = distinct(cls.astype(np.int64) * (int(docs.max(initial=0)) + 1) + docs)
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
    index = np.arange(len(low_a))
    return plausible_between(np.concatenate((low_a, low_b)), index, index + len(low_a), shingles_a, shingles_b,
                             settings, keys_a, most)


def plausible_between(
    low: np.ndarray, left: np.ndarray, right: np.ndarray, shingles_a: np.ndarray, shingles_b: np.ndarray,
    settings: Settings, keys_a: np.ndarray | None = None, most: int = 0, low_right: np.ndarray | None = None,
) -> np.ndarray:
    """`plausible` for pairs of rows of one `low_bytes` array (`right` rows of `low_right` when given), which
    are compared a cache-sized block at a time instead of being gathered first (64 bytes a pair, twice)."""
    est = minhash.estimated_jaccard(low, left, right, low_right)
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


def _filtered_candidates(prints: _Prints, settings: Settings, stats: dict, fixed: np.ndarray) -> ArraySpool:
    """Codes (earlier * texts + later) of the candidate pairs worth scoring, each once, spooled: held whole
    they were the largest array of grouping 30,000 articles (1.7 million pairs, twice while merged).

    A pair is kept when its lengths allow the threshold and its signatures agree on at least
    `min_jaccard` of their bins, or suggest the shorter text is mostly contained in the longer.
    Pairs are found a band (and a range of its keys) at a time, so the unfiltered pairs never pile up,
    and spooled by the block of prints their later text is in; each block's pairs are then checked
    against one block of prints at a time, read back from `prints.prints`, so that no signature is held
    for every text (64 bytes a text). By the later text, not the earlier: a look-alike family pairs every
    member with its earliest, so the first blocks held most pairs (30% in the first of ten at 10,000
    articles), and that block's share grew with the collection.
    """
    nodes = prints.fuzzy
    words = prints.words
    present = np.argsort(prints.figures[nodes], kind="stable").astype(index_type(len(nodes)))
    present_nodes = nodes[present]
    width = len(words)
    # Each block's pairs are spooled in a temporary file of their own: at most MAX_PRINT_BLOCKS files.
    block = max(PRINT_BLOCK, -(-len(nodes) // MAX_PRINT_BLOCKS))
    blocks = max(1, -(-len(nodes) // block))
    spools = [ArraySpool(np.int64, on_disk=prints.prints.backing is not None) for _ in range(blocks)]

    lock = threading.Lock()

    def chunk(band: int) -> int:
        """Spool the pairs of one band, a range of its keys at a time: a whole band's pairs, two bands in flight
        and the one being spooled weighed 45 MB at 30,000 articles, and grew with the collection."""
        column = prints.bands.column(band)
        seen = 0
        for inside in _key_ranges(column, present):
            left, right = _candidates(column[present[inside]], present_nodes[inside])
            seen += len(left)
            spool_by_block(possible(left, right))
        return seen

    def possible(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        keep = could_match(words[left], words[right], settings.threshold) & ~(fixed[left] & fixed[right])
        return distinct(left[keep].astype(np.int64) * width + right[keep])

    def spool_by_block(found: np.ndarray) -> None:
        in_block = np.searchsorted(nodes, found % width) // block
        order = np.argsort(in_block, kind="stable")
        bounds = np.searchsorted(in_block[order], np.arange(blocks + 1))
        with lock:
            for index in np.flatnonzero(np.diff(bounds)).tolist():
                spools[index].append(found[order[bounds[index]:bounds[index + 1]]])

    try:
        seen = 0
        with ThreadPoolExecutor(2 if len(nodes) > 50_000 else 1) as pool:
            for count in _in_order(pool, chunk, range(prints.bands.bands)):
                seen += count
                release_freed_memory()
        stats["candidates"] = seen
        plausible = ArraySpool(np.int64, on_disk=prints.prints.backing is not None)
        for index, spool in enumerate(spools):
            # A near copy shares most of its bands with its source: read a slice at a time, a block's
            # codes are mostly known already, and deduplicating them whole held them several times.
            codes = np.empty(0, np.int64)
            for start in range(0, len(spool), CODE_SLICE):
                codes = merged_distinct(codes, spool.read(start, start + CODE_SLICE))
            spool.close()
            plausible.append(_plausible_in_block(prints, index, block, codes, width, settings))
            del codes
            release_freed_memory()
        return plausible
    finally:
        for spool in spools:
            spool.close()


def _append_missing(spool: ArraySpool, codes: np.ndarray) -> None:
    """Append those of these distinct codes that the spool (of distinct codes) lacks."""
    for start in range(0, len(spool), CODE_SLICE):
        if not len(codes):
            return
        codes = codes[~np.isin(codes, spool.read(start, start + CODE_SLICE), assume_unique=True)]
    spool.append(codes)


PRINT_BLOCK = 16_384
"""Fuzzy texts whose prints are read back at a time when candidates are checked (68 bytes each)."""
MAX_PRINT_BLOCKS = 256
CODE_SLICE = 65_536


def _plausible_in_block(
    prints: _Prints, index: int, block: int, codes: np.ndarray, width: int, settings: Settings,
) -> np.ndarray:
    """Those of these pair codes, whose later text is in print block `index` (of `block` fuzzy texts), that
    the signatures let through; the earlier texts' prints are read a block at a time, for a slice of the
    codes at a time."""
    nodes = prints.fuzzy
    first = index * block
    low_own, shingles_own = minhash.unpack_prints(prints.prints.read(first, first + block))
    keep = np.zeros(len(codes), dtype=bool)
    for start in range(0, len(codes), CODE_SLICE):
        part = codes[start:start + CODE_SLICE]
        own_rows = (np.searchsorted(nodes, part % width) - first).astype(np.int32)
        other_rows = np.searchsorted(nodes, part // width).astype(np.int32)
        other_block = other_rows // block
        by_other = np.argsort(other_block, kind="stable")
        bounds = np.searchsorted(other_block[by_other], np.arange(other_block.max(initial=0) + 2))
        for other in np.flatnonzero(np.diff(bounds)).tolist():
            at = by_other[bounds[other]:bounds[other + 1]]
            low_other, shingles_other = (
                (low_own, shingles_own) if other == index
                else minhash.unpack_prints(prints.prints.read(other * block, (other + 1) * block)))
            a, b = own_rows[at], other_rows[at] - other * block
            keep[start + at] = _signatures_agree(
                low_own, a, low_other, b, shingles_own[a], shingles_other[b], settings)
    return codes[keep]


def _signatures_agree(
    low_left: np.ndarray, left: np.ndarray, low_right: np.ndarray, right: np.ndarray,
    shingles_left: np.ndarray, shingles_right: np.ndarray, settings: Settings,
) -> np.ndarray:
    bins = low_left.shape[1] * 8
    head, total = minhash.equal_bins(low_left, left, right, low_left.shape[1] // 2, low_right=low_right)
    est = total / np.float32(bins)
    na, nb = shingles_left.astype(np.float32), shingles_right.astype(np.float32)
    contained = est * (na + nb) / ((1 + est) * np.maximum(np.minimum(na, nb), 1))
    return (head >= ROUGH_JACCARD * bins / 2) & ((est >= settings.min_jaccard) | (contained >= settings.min_containment))


def merged_distinct(pair: np.ndarray, found: np.ndarray) -> np.ndarray:
    """Sorted distinct pair codes `pair` with those of `found` it lacks inserted: a near copy shares most of
    its bands with its source, so most of them are known already (sorting the two together held both twice)."""
    at = np.searchsorted(pair, found)
    known = at < len(pair)
    known[known] = pair[at[known]] == found[known]
    found = distinct(found[~known])
    return np.insert(pair, np.searchsorted(pair, found), found)


def _in_order(pool: ThreadPoolExecutor, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
    """`pool.map`, submitting one item beyond the one being consumed: map submits them all, and the results
    the caller has not taken yet pile up."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) > 1:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


KEY_RANGE_ROWS = 20_000
"""Keys sorted into buckets at a time: a bucket is all of one key, so ranges of keys split the work
(and its memory) without changing a pair."""


_SLOT_PIECE = 65_536


def _key_ranges(keys: np.ndarray, order: np.ndarray | None = None) -> Iterator[np.ndarray | slice]:
    """Positions in `keys[order]` (or `keys`) of ranges of about KEY_RANGE_ROWS keys (hash keys spread
    evenly), one range at a time, each in ascending order. A small range number per key and one pass per
    range: reordering the keys and sorting them by range held three arrays of 8 bytes a key, for each of
    the two band columns in flight."""
    count = -(-len(keys) // KEY_RANGE_ROWS)
    if count <= 1:
        yield slice(None)
        return
    edges = key_edges(count)
    slot = np.empty(len(keys), dtype=np.int16 if count < 2**15 else np.int32)
    for start in range(0, len(keys), _SLOT_PIECE):
        slot[start:start + _SLOT_PIECE] = np.searchsorted(edges, keys[start:start + _SLOT_PIECE], side="right")
    if order is not None:
        slot = slot[order]
    for index in range(count):
        yield np.flatnonzero(slot == index)


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
    flat_nodes = np.repeat(nodes.astype(np.int32), band.size // len(nodes))
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
    index = np.arange(len(keys), dtype=np.int32 if len(keys) < 2**31 else np.int64)
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
    prints: _Prints, settings: Settings, fixed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs sharing a sentence key (one text is the other without a sentence, or they differ inside one).
    The keys are regrouped by range of key values through a spool, a slice at a time, and paired a range
    at a time: read whole they weighed 12 bytes a key, two to three keys a text."""
    is_fuzzy = np.zeros(len(prints.words), dtype=bool)
    is_fuzzy[prints.fuzzy] = True
    total = len(prints.sentence_keys)
    ranges = max(1, -(-total // KEY_RANGE_ROWS))
    width = max(1, min(SENTENCE_SLICE, total))
    slices = range(0, total, width)
    runs = KeyRuns(key_edges(ranges), width, len(slices))
    lefts, rights = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    try:
        for column, start in enumerate(slices):
            rows = prints.sentence_rows.read(start, start + width).astype(np.int64)
            keep = is_fuzzy[rows]
            runs.put(column, prints.sentence_keys.read(start, start + width)[keep], rows[keep])
        for index in range(ranges):
            part_keys, part_rows = runs.range(index)
            if len(part_keys) < 2:
                continue
            order = np.lexsort((part_rows, part_keys))
            left, right = _bucket_pairs(part_keys[order], part_rows[order])
            keep = (left != right) & could_match(prints.words[left], prints.words[right], settings.threshold)
            keep &= ~(fixed[left] & fixed[right])
            lefts.append(left[keep])
            rights.append(right[keep])
    finally:
        runs.close()
    return np.concatenate(lefts), np.concatenate(rights)


SENTENCE_SLICE = 100_000


def _leaders(
    n: int, left: np.ndarray, right: np.ndarray, scores: np.ndarray, ratios: np.ndarray, fixed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Greedy placement in placement order (the order of class numbers) over verified matches; `left` is always
    the earlier node.

    A text joins the representative it scores highest with; between equal scores (a text contained
    in two longer ones scores 100 with both), the one it is most like as a whole, then the earliest."""
    leader = np.arange(n, dtype=index_type(n))
    best = np.full(n, 100.0, dtype=np.float32)
    if len(left) == 0:
        return leader, best
    order = np.lexsort((left, -ratios, -scores, right))
    # The walk below runs on the texts that matched anything, numbered afresh: Python lists over every
    # text cost 44 bytes a text.
    nodes = distinct(np.concatenate((left, right)))
    u_of, v_of = np.searchsorted(nodes, left), np.searchsorted(nodes, right)
    # A text does not join an earlier representative when a later text matches it better, matches nothing
    # earlier as well, and cannot join that representative itself: the two lead a group of their own.
    # Otherwise a copy dated before its source joins an earlier look-alike, and the source, which cannot
    # join a member, is left alone.
    held_back = _held_back(u_of, v_of, scores, fixed[right], len(nodes))
    # Raw 8-byte ints: a list of them held an int object for every text that joined another.
    lead = array("q", range(len(nodes)))
    joined = np.full(len(nodes), 100.0, dtype=np.float32)
    stay = fixed[nodes].tolist()
    current = -1
    placed = False
    # A slice of the walk at a time: Python lists of every match weighed ~600 bytes a match at once.
    for start in range(0, len(order), _WALK_SLICE):
        part = order[start:start + _WALK_SLICE]
        for u, v, s, back in zip(u_of[part].tolist(), v_of[part].tolist(), scores[part].tolist(),
                                 held_back[part].tolist()):
            if v != current:
                current, placed = v, stay[v]
            if placed or lead[u] != u:
                continue
            if back:
                placed = True
                continue
            lead[v] = u
            joined[v] = s
            placed = True
    leader[nodes] = nodes[np.frombuffer(lead, dtype=np.int64)]
    best[nodes] = joined
    return leader, best


_WALK_SLICE = 8_192


def _held_back(u: np.ndarray, v: np.ndarray, scores: np.ndarray, v_fixed: np.ndarray, count: int) -> np.ndarray:
    """For each match (earlier u, later v, score s): whether v would rather lead a later text w than join u,
    as w matches v better than any earlier text (and v is free to lead), scores above s with it, and is no
    match of u. Texts are numbered below `count`; there is at least one match."""
    best_in = np.zeros(count, dtype=np.float32)
    np.maximum.at(best_in, v, scores)
    preferred = np.flatnonzero((scores >= best_in[v]) & ~v_fixed)
    by_lead = preferred[np.argsort(u[preferred], kind="stable")]
    leads = u[by_lead]
    low, high = np.searchsorted(leads, v, "left"), np.searchsorted(leads, v, "right")
    counts = high - low
    rows = np.repeat(np.arange(len(v)), counts)
    at = by_lead[np.repeat(low, counts) + np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)]
    pairs = np.sort(u.astype(np.int64) * count + v)
    wanted = u[rows].astype(np.int64) * count + v[at]
    found = np.minimum(np.searchsorted(pairs, wanted), len(pairs) - 1)
    outbid = (scores[at] > scores[rows]) & (pairs[found] != wanted)
    held = np.zeros(len(v), dtype=bool)
    held[rows[outbid]] = True
    return held
