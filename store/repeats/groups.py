"""Repeat groups in the store: place new paragraphs against the stored index, forget, regroup."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from store.db import get_meta, set_meta
from store.kinds import READING_KINDS
from store.repeats import minhash
from store.repeats.engine import (
    Batch, Grouping, Settings, distinct, distinct_pairs, equal_key_matches, group_batch, hex_keys, index_type,
    merged_distinct, plausible_between, published_number,
)
from store.repeats.memory import BUCKET_MOST, MOST_CANDIDATES
from store.repeats.score import DEFAULT_THRESHOLD
from store.repeats.spool import KeyRuns, TextSource, key_edges, release_freed_memory

if TYPE_CHECKING:
    import sqlite_utils

THRESHOLD_KEY = "repeat_threshold"
SIGNED_KEY = "repeats_signed_by"
"""The `minhash.SIGNING_VERSION` the stored index was made with."""
SENTENCE_MOST = 8
"""Indexed paragraphs taken from one sentence-key bucket."""
_CHUNK = 500
_INDEX_CHUNK = 100_000
"""Index keys sorted and inserted at a time (a range of key values)."""
_WRITE_ROWS = 20_000
"""Rows handed to one executemany: its argument lists are Python objects, ~70 bytes a row."""
_BLOB_CHUNK = 5_000
"""Indexed rows whose keys and prints are packed into repeat_lsh_keys at a time: 20,000 read ~10 MB of band
keys and prints at once, the peak of grouping 10,000 articles."""
LOOKUP_BLOCK = 6_000
"""New texts signed and looked up in the stored index at a time (one pass over their keys' buckets)."""
LOOKUP_PAIRS_TEXTS = 1_000
"""New texts whose candidate pairs are gathered and filtered at a time: each brings up to BANDS x BUCKET_MOST
of them, and their signature bytes, before most are filtered out."""
REP_BLOCK = 2_000
"""Indexed representatives read and signed at a time."""


@contextmanager
def _atomic(db: sqlite_utils.Database) -> Iterator[None]:
    """A savepoint: its own transaction when none is open, nested in the caller's otherwise."""
    db.execute("savepoint repeats")
    try:
        yield
    except BaseException:
        db.execute("rollback to repeats")
        db.execute("release repeats")
        raise
    db.execute("release repeats")


def current_threshold(db: sqlite_utils.Database) -> float:
    value = get_meta(db, THRESHOLD_KEY)
    return float(value) if value else DEFAULT_THRESHOLD


def _chunks(values: Sequence[int] | np.ndarray, size: int = _CHUNK) -> Iterator[list[int]]:
    """Slices of `values` as lists of Python ints: an array is converted a slice at a time (as a whole list,
    200,000 ids took 7 MB)."""
    for i in range(0, len(values), size):
        part = values[i:i + size]
        yield part.tolist() if isinstance(part, np.ndarray) else part


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


@dataclass
class _Rows:
    """Paragraph rows in the shape the engine takes: numbers only, the texts stay in SQLite."""

    ids: np.ndarray
    published: np.ndarray
    keys: np.ndarray
    """`match_hash`, else `text_hash`, as int64 (see `hex_keys`): equal for copies."""
    titles: np.ndarray
    lengths: np.ndarray
    shared: np.ndarray
    """Documents holding each text verbatim (reading paragraphs only)."""
    order: np.ndarray
    """`reading_order` of each paragraph: what breaks a tie of date and length."""

    def __len__(self) -> int:
        return len(self.ids)

    @staticmethod
    def join(parts: Sequence[_Rows]) -> _Rows:
        if len(parts) == 1:
            return parts[0]
        return _Rows(*(np.concatenate([np.empty(0, _ROW_TYPES[f]), *(getattr(p, f) for p in parts)])
                       for f in _ROW_FIELDS))

    def batch(self, db: sqlite_utils.Database, fixed: np.ndarray) -> Batch:
        return Batch(
            ids=self.ids, texts=_StoredTexts(db, self.ids), published=self.published, doc_ids=None, keys=self.keys,
            shared_docs=self.shared, exempt=self.titles, fixed=fixed, order=self.order, lengths=self.lengths,
        )


_ROW_FIELDS = ("ids", "published", "keys", "titles", "lengths", "shared", "order")
_ROW_TYPES = dict(zip(_ROW_FIELDS, (np.int64, np.int32, np.int64, bool, np.int32, np.int32, np.int64)))


def reading_order(doc_id: int, position: int) -> int:
    """Documents in the order they were first loaded, paragraphs in their order: unlike paragraph ids, which
    a reload of an edited file renews, this keeps same-day copies in the roles they had."""
    return (doc_id << 24) + position


class _StoredTexts(TextSource):
    """Paragraph texts read from the store a block at a time. Their lengths come with their rows (`_Rows`), not
    from here."""

    def __init__(self, db: sqlite_utils.Database, ids: np.ndarray) -> None:
        self.db, self.ids = db, ids

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, rows: np.ndarray) -> list[str]:
        wanted = self.ids[np.asarray(rows, dtype=np.int64)].tolist()
        found: dict[int, str] = {}
        for part in _chunks(sorted(set(wanted))):
            found.update(self.db.execute(
                f"select id, coalesce(text, '') from paragraphs where id in ({_marks(part)})", part
            ).fetchall())
        return [found[pid] for pid in wanted]


_SHARED_AT_ONCE = 20_000
# Python's len, not SQLite's length(), which stops at a NUL character.
_SELECT = (
    "select p.id, p.text, d.published, p.hash, p.kind, p.doc_id, p.position, p.match_hash from paragraphs p "
    "join documents d on d.id = p.doc_id where p.id in ({})"
)


def _load(
    db: sqlite_utils.Database, ids: Sequence[int] | np.ndarray, counted: bool = True,
    everywhere: dict[str, int] | None = None,
) -> _Rows:
    """Rows of these paragraph ids, given in ascending order; ids no longer stored are skipped. Without
    `counted`, `shared` is left at 1 (only grouping reads it, not the lookups before); `everywhere` is
    `_shared_counts` of the whole collection when the caller has it already.

    Texts are not held: grouping a whole collection reads them a block at a time, and holding them all
    weighed more than everything else grouping keeps.
    """
    ids = np.asarray(ids, dtype=np.int64)
    if not counted:
        everywhere = {}
    elif everywhere is None and len(ids) >= _SHARED_AT_ONCE:
        everywhere = _shared_counts(db)
    out = _Rows(*(np.empty(len(ids), _ROW_TYPES[f]) for f in _ROW_FIELDS))
    filled = 0
    for part in _chunks(ids):
        rows = db.execute(_SELECT.format(_marks(part)) + " order by p.id", part).fetchall()
        hashes = [r[3] for r in rows]
        shared = everywhere if everywhere is not None else _shared_counts(db, hashes)
        at = slice(filled, filled + len(rows))
        out.ids[at] = [r[0] for r in rows]
        out.published[at] = [published_number(r[2]) for r in rows]
        out.keys[at] = hex_keys([r[7] or r[3] for r in rows])
        out.titles[at] = [r[4] == "title" for r in rows]
        out.lengths[at] = [len(r[1] or "") for r in rows]
        out.shared[at] = [shared.get(h, 1) for h in hashes]
        out.order[at] = [reading_order(r[5], r[6]) for r in rows]
        filled += len(rows)
    if filled < len(ids):
        out = _Rows(*(getattr(out, f)[:filled].copy() for f in _ROW_FIELDS))
    release_freed_memory()
    return out


def _shared_counts(db: sqlite_utils.Database, hashes: Sequence[str] | None = None) -> dict[str, int]:
    """Texts held verbatim by more than one document (reading paragraphs only): hash -> documents.
    Of these hashes, or of the whole collection (one pass: per chunk it took 2.9 s at 10,000 articles)."""
    kinds = _marks(READING_KINDS)
    among = "" if hashes is None else f"hash in ({_marks(hashes)}) and "
    if hashes is not None and not hashes:
        return {}
    return dict(db.execute(
        f"select hash, count(distinct doc_id) from paragraphs where {among}kind in ({kinds}) "
        "group by hash having count(distinct doc_id) > 1",
        [*(hashes or ()), *READING_KINDS],
    ).fetchall())


def _reading(db: sqlite_utils.Database, ids: Sequence[int]) -> list[int]:
    out: list[int] = []
    kinds = _marks(READING_KINDS)
    for part in _chunks(ids):
        out.extend(r[0] for r in db.execute(
            f"select id from paragraphs where id in ({_marks(part)}) and kind in ({kinds}) "
            "and id not in (select paragraph_id from repeat_members)",
            [*part, *READING_KINDS],
        ))
    return out


_UNPLACED = (f"select id from paragraphs where kind in ({_marks(READING_KINDS)}) "
             "and id not in (select paragraph_id from repeat_members)")


def _unplaced(db: sqlite_utils.Database) -> np.ndarray:
    return np.fromiter((r[0] for r in db.execute(_UNPLACED + " order by id", list(READING_KINDS))), dtype=np.int64)


def _any_unplaced(db: sqlite_utils.Database) -> bool:
    return db.execute(_UNPLACED + " limit 1", list(READING_KINDS)).fetchone() is not None


def _copies(db: sqlite_utils.Database, new: _Rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Placed paragraphs with the text of a new one: their ids, and the distinct (representative of their
    group, row of `new`) pairs. Furniture has no group, so no pair: its copies only join the regrouping.

    Placed copies are read once per text, not once per new copy: a line repeated in thousands of
    documents would otherwise come back as a row for every (new, placed) pair."""
    empty = np.empty(0, np.int64)
    if db.execute("select 1 from repeat_members limit 1").fetchone() is None:
        return empty, empty, empty
    keys, placed, reps = [empty], [empty], [empty]
    # One new paragraph asked for each text.
    for part in _chunks(np.sort(new.ids[np.unique(new.keys, return_index=True)[1]])):
        hashes = [h for (h,) in db.execute(
            f"select coalesce(match_hash, hash) from paragraphs where id in ({_marks(part)})", part)]
        # A copy in another spelling of a place name holds the key as its match_hash, one in this spelling as its hash.
        found = db.execute(
            f"{_PLACED_COPIES} where q.hash in ({_marks(hashes)}) union {_PLACED_COPIES} where q.match_hash in "
            f"({_marks(hashes)})", hashes * 2,
        ).fetchall()
        keys.append(hex_keys([r[0] for r in found]))
        placed.append(np.array([r[1] for r in found], dtype=np.int64))
        reps.append(np.array([r[2] for r in found], dtype=np.int64))
    key, pid, rep = np.concatenate(keys), np.concatenate(placed), np.concatenate(reps)
    old = _positions(new.ids, pid) < 0
    placed_ids = distinct(pid[old])
    grouped = old & (rep >= 0)
    key, rep = key[grouped], rep[grouped]
    del pid
    # Each (text, representative) with every new row holding that text.
    by_key = np.argsort(new.keys, kind="stable")
    pairs = np.unique(np.stack((key, rep), axis=1), axis=0) if len(key) else np.empty((0, 2), np.int64)
    which, at = equal_key_matches(new.keys[by_key], pairs[:, 0])
    return (placed_ids, *distinct_pairs(pairs[which, 1], by_key[at], len(new)))


_PLACED_COPIES = (
    "select coalesce(q.match_hash, q.hash), q.id, coalesce(g.representative_id, -1) from paragraphs q "
    "join repeat_members m on m.paragraph_id = q.id left join repeat_groups g on g.id = m.group_id"
)


def _positions(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Where each id is in `sorted_ids`, -1 where it is not."""
    if not len(sorted_ids):
        return np.full(len(ids), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return np.where(sorted_ids[at] == ids, at, -1)


def _lsh_pairs(
    db: sqlite_utils.Database, keys: np.ndarray, items: np.ndarray, most: int = BUCKET_MOST,
) -> tuple[np.ndarray, np.ndarray]:
    """(item, indexed paragraph id) for each query key found in repeat_lsh, taking the first `most`
    paragraphs of each bucket by id. Pairs may repeat."""
    found_keys, found_ids = _buckets(db, keys, most)
    which, at = equal_key_matches(found_keys, keys)
    return np.asarray(items)[which], found_ids[at]


def _buckets(db: sqlite_utils.Database, keys: np.ndarray, most: int) -> tuple[np.ndarray, np.ndarray]:
    """(key, indexed paragraph id) rows of repeat_lsh for these keys, the first `most` of each key by id,
    ordered by key."""
    found_keys, found_ids = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for part in _chunks(distinct(np.asarray(keys, dtype=np.int64))):
        # Whole buckets, cut here: a window function cutting them in SQL cost 1.5x as much per key (12 of the
        # 40 s of grouping 10,000 articles into a store of 10,000), and a large bucket is a few thousand rows.
        found = np.array(db.execute(
            f"select key, paragraph_id from repeat_lsh where key in ({_marks(part)}) order by key, paragraph_id", part,
        ).fetchall(), dtype=np.int64).reshape(-1, 2)
        keep = _first_of_runs(found[:, 0], most)
        found_keys.append(found[keep, 0])
        found_ids.append(found[keep, 1])
    return np.concatenate(found_keys), np.concatenate(found_ids)


def _first_of_runs(keys: np.ndarray, most: int) -> np.ndarray:
    """Whether each of these sorted keys is among the first `most` of its run of equal keys."""
    if not len(keys):
        return np.zeros(0, dtype=bool)
    index = np.arange(len(keys))
    starts = np.concatenate(([True], keys[1:] != keys[:-1]))
    return index - np.maximum.accumulate(np.where(starts, index, 0)) < most


def _member_groups(db: sqlite_utils.Database, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Those of these paragraph ids (ascending) that are placed, and the group of each (-1: furniture)."""
    return _id_pairs(db, "select paragraph_id, coalesce(group_id, -1) from repeat_members where paragraph_id in ({})",
                     ids)


def _group_rows(db: sqlite_utils.Database, group_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Those of these group ids (ascending) that exist, and the representative paragraph of each."""
    return _id_pairs(db, "select id, coalesce(representative_id, -1) from repeat_groups where id in ({})",
                     group_ids)


def _id_pairs(db: sqlite_utils.Database, query: str, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(id, value) rows of `query` for these distinct ids, as two arrays in ascending id order (Python dicts
    of them weighed ~100 bytes an entry)."""
    found = [np.empty((0, 2), np.int64)]
    for part in _chunks(distinct(np.asarray(ids, dtype=np.int64))):
        found.append(np.array(db.execute(query.format(_marks(part)), part).fetchall(), dtype=np.int64).reshape(-1, 2))
    pairs = np.concatenate(found)
    pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _looked_up(keys: np.ndarray, values: np.ndarray, queries: np.ndarray, missing: int) -> np.ndarray:
    """The value of each query in the sorted `keys`, `missing` where it is not there."""
    at = _positions(keys, queries)
    return np.where(at >= 0, values[np.maximum(at, 0)] if len(values) else missing, missing)


def _group_members(db: sqlite_utils.Database, group_ids: np.ndarray) -> np.ndarray:
    found = [np.empty(0, np.int64)]
    for part in _chunks(distinct(np.asarray(group_ids, dtype=np.int64))):
        found.append(np.fromiter((r[0] for r in db.execute(
            f"select paragraph_id from repeat_members where group_id in ({_marks(part)})", part
        )), dtype=np.int64))
    return np.concatenate(found)


class _RepPrints:
    """Signature bytes of indexed representatives, read once however many blocks of new texts meet them:
    as stored with the index, or signed again where an older tearsheet stored none.

    Rows are appended where there is room, never moved: inserting them in id order copied the whole cache
    for every block read, two copies at a time. Room for every indexed paragraph is set aside at the first
    read; only the rows written take memory."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.count = 0
        self.low = np.empty((0, minhash.NUM_HASHES // 8), np.uint64)
        self.shingles = np.empty(0, np.int32)
        self.sorted_ids = np.empty(0, np.int64)
        self.slots = np.empty(0, np.int64)
        """Row of `low` and `shingles` of each of `sorted_ids`."""

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Positions of these ids in `low` and `shingles`, -1 for ids no longer stored."""
        wanted = distinct(np.asarray(ids, dtype=np.int64))
        missing = wanted[_positions(self.sorted_ids, wanted) < 0]
        # A block at a time: the first block of new texts alone can meet tens of thousands of them.
        for start in range(0, len(missing), REP_BLOCK):
            found, low, shingles = self._stored(missing[start:start + REP_BLOCK])
            self._make_room(len(found))
            rows = slice(self.count, self.count + len(found))
            self.low[rows], self.shingles[rows] = low, shingles
            at = np.searchsorted(self.sorted_ids, found)
            self.sorted_ids = np.insert(self.sorted_ids, at, found)
            self.slots = np.insert(self.slots, at, np.arange(rows.start, rows.stop))
            self.count = rows.stop
        at = _positions(self.sorted_ids, ids)
        return np.where(at >= 0, self.slots[np.maximum(at, 0)] if len(self.slots) else -1, -1)

    def _make_room(self, more: int) -> None:
        if self.count + more <= len(self.low):
            return
        indexed = self.db.execute("select count(*) from repeat_lsh_keys").fetchone()[0]
        size = max(indexed, 2 * len(self.low), self.count + more)
        low, shingles = self.low, self.shingles
        self.low = np.empty((size, low.shape[1]), np.uint64)
        self.shingles = np.empty(size, np.int32)
        self.low[:self.count], self.shingles[:self.count] = low[:self.count], shingles[:self.count]

    def _stored(self, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Ids (ascending), low bytes and shingle counts of these ids, skipping ids no longer stored."""
        found = dict(self.db.execute(
            f"select paragraph_id, prints from repeat_lsh_keys where paragraph_id in ({_marks(wanted)}) "
            "and length(prints) = ?", [*wanted.tolist(), minhash.PRINT_BYTES],
        ).fetchall())
        ids = np.fromiter(found, dtype=np.int64, count=len(found))
        low, shingles = minhash.unpack_prints(np.frombuffer(b"".join(found.values()), dtype=np.uint8))
        unsigned = np.setdiff1d(wanted, ids)
        if len(unsigned):
            signed = _signed(self.db, unsigned)
            ids, low, shingles = (np.concatenate(pair) for pair in zip((ids, low, shingles), signed))
        order = np.argsort(ids, kind="stable")
        return ids[order], low[order], shingles[order]


def _signed(db: sqlite_utils.Database, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ids still stored among these, with the low bytes and shingle counts of their texts' signatures."""
    rows = _load(db, ids, counted=False)
    sig = minhash.signatures(minhash.normalise_all(
        _StoredTexts(db, rows.ids).take(np.arange(len(rows)))), workers=1)
    return rows.ids, minhash.low_bytes(sig.sig), sig.shingles.astype(np.int32)


def _plausible(
    reps: np.ndarray, rows: np.ndarray, low: np.ndarray, shingles: np.ndarray, known: _RepPrints, settings: Settings,
) -> tuple[np.ndarray, np.ndarray]:
    """The (representative, new text row) pairs whose signatures make a match plausible, at most
    MOST_CANDIDATES a row, the likeliest. `low` and `shingles` are the new texts' (`minhash.low_bytes`)."""
    reps, rows = distinct_pairs(reps, rows, len(low))
    at = known.rows(reps)
    alive = at >= 0
    reps, rows, at = reps[alive], rows[alive], at[alive]
    keep = plausible_between(low, rows, at, shingles[rows], known.shingles[at], settings, keys_a=rows,
                             most=MOST_CANDIDATES, low_right=known.low)
    return reps[keep], rows[keep]


def _indexed_candidates(db: sqlite_utils.Database, new: _Rows, settings: Settings) -> np.ndarray:
    """Distinct (indexed representative, row of `new` it may match) pairs, as sorted codes (representative id *
    len(new) + row). Skipped on an empty index (a first load),
    where the signatures would cost seconds and hundreds of MB for nothing. The new texts are signed a
    block at a time."""
    if db.execute("select 1 from repeat_lsh limit 1").fetchone() is None:
        return np.empty(0, np.int64)
    texts = _StoredTexts(db, new.ids)
    known = _RepPrints(db)
    # As codes (representative id * len(new) + row), distinct as they come: a pair is often found by several blocks'
    # bands and sentences, and two arrays of every pair found weighed 16 bytes each.
    width = len(new)
    found = np.empty(0, np.int64)
    for start in range(0, len(new), LOOKUP_BLOCK):
        sig = minhash.signatures(minhash.normalise_all(
            texts.take(np.arange(start, min(start + LOOKUP_BLOCK, len(new))))), workers=1)
        long = np.flatnonzero((sig.words >= settings.short_words) & (sig.shingles > 0))
        band = minhash.band_keys(sig.sig[long])
        bucket_keys, bucket_ids = _buckets(db, band.ravel(), BUCKET_MOST)
        low = minhash.low_bytes(sig.sig)
        # Up to BANDS x BUCKET_MOST pairs a text before the signature filter: a few texts' worth at a time. The
        # buckets are read for the whole block: read for each slice of texts they weighed 8 MB less at 15,000
        # articles into 15,000, but grouping took 30% longer.
        for first in range(0, len(long), LOOKUP_PAIRS_TEXTS):
            part = slice(first, first + LOOKUP_PAIRS_TEXTS)
            which, at = equal_key_matches(bucket_keys, band[part].ravel())
            reps, rows = _plausible(bucket_ids[at], np.repeat(long[part], band.shape[1])[which], low, sig.shingles,
                                    known, settings)
            found = merged_distinct(found, reps * width + rows + start)
            del which, at
        del bucket_keys, bucket_ids
        # Sentence keys name one text (whole, or without one sentence), so their buckets stay small and their
        # hits are scored without the signature filter: a copy that drops a sentence often fails it.
        is_long = np.zeros(len(sig.words), dtype=bool)
        is_long[long] = True
        keep = is_long[sig.sentence_rows]
        rows, reps = _lsh_pairs(db, sig.sentence_keys[keep], sig.sentence_rows[keep], SENTENCE_MOST)
        found = merged_distinct(found, reps * width + rows.astype(np.int64) + start)
        del sig, band
        release_freed_memory()
    return found


_PAIR_SLICE = 65_536


def _outranked(new: _Rows, reps: _Rows, pairs: np.ndarray, width: int) -> np.ndarray:
    """Whether each of `reps` is outranked by a new text it is paired with (codes rep id * width + row of `new`),
    a slice of the pairs at a time."""
    outranked = np.zeros(len(reps), dtype=bool)
    for start in range(0, len(pairs), _PAIR_SLICE):
        part = pairs[start:start + _PAIR_SLICE]
        at = _positions(reps.ids, part // width)
        rows = (part % width)[at >= 0]
        at = at[at >= 0]
        earlier = _earlier(new.published[rows], new.lengths[rows], new.order[rows],
                           reps.published[at], reps.lengths[at], reps.order[at])
        outranked[at[earlier]] = True
    return outranked


def _earlier(
    published: np.ndarray, length: np.ndarray, order: np.ndarray,
    other_published: np.ndarray, other_length: np.ndarray, other_order: np.ndarray,
) -> np.ndarray:
    """Placement order (published, longest first, reading order): whether each text comes before the other."""
    return (published < other_published) | ((published == other_published) & (
        (length > other_length) | ((length == other_length) & (order < other_order))))


def update_repeats(db: sqlite_utils.Database, paragraph_ids: list[int] | None = None) -> int:
    """Group these new paragraphs (None: every reading paragraph not yet placed) with what is stored.

    Only the new paragraphs, the representatives they may match, and the groups they may take over
    are regrouped. Returns the number of groups of two or more that changed.
    """
    if _signed_by_an_earlier_version(db):
        regroup(db)
        return db.execute("select count(*) from repeat_groups where size >= 2").fetchone()[0]
    new_ids = None if paragraph_ids is None else _reading(db, sorted(set(paragraph_ids)))
    if not (_any_unplaced(db) if new_ids is None else new_ids):
        return 0
    with _atomic(db):
        set_meta(db, SIGNED_KEY, str(minhash.SIGNING_VERSION))
        return _place(db, new_ids, Settings(threshold=current_threshold(db)))


def _place(db: sqlite_utils.Database, new_ids: Sequence[int] | np.ndarray | None, settings: Settings) -> int:
    """Group these new paragraphs, or (None) every one not yet placed: read here rather than by the caller, whose
    copy would be held for as long as grouping runs (8 bytes a paragraph)."""
    local, fixed, old_ids = _regrouped(db, _unplaced(db) if new_ids is None else new_ids, settings)
    # Held for all of grouping, and paragraph ids rarely need 8 bytes.
    local.ids = local.ids.astype(index_type(int(local.ids.max(initial=0)) + 1))
    batch, ids = local.batch(db, fixed), local.ids
    # group_batch lets go of the batch's rows as it reads them, which frees them only if nothing else holds them.
    del local, fixed
    release_freed_memory()
    grouping = group_batch(batch, settings, keep_signatures=False)
    try:
        return _write(db, ids, grouping, old_ids)
    finally:
        grouping.close()


def _regrouped(
    db: sqlite_utils.Database, new_ids: Sequence[int] | np.ndarray, settings: Settings,
) -> tuple[_Rows, np.ndarray, np.ndarray]:
    """What grouping these new paragraphs takes: their rows with those of every placed paragraph to group
    again, which of those rows lead groups that stay as they are, and the ids of the placed ones. What was
    needed to choose them is dropped on return, before grouping starts."""
    new_ids = distinct(np.asarray(new_ids, dtype=np.int64))
    everywhere = _shared_counts(db) if len(new_ids) >= _SHARED_AT_ONCE else None
    new = _load(db, new_ids, everywhere=everywhere)
    width = len(new)
    # Pairs as codes (representative id * width + row): two arrays of them, and the slices gathered for every
    # pair at once, weighed 60 MB at 15,000 articles into 15,000.
    pairs = _indexed_candidates(db, new, settings)
    placed, copy_reps, copy_rows = _copies(db, new)
    pairs = merged_distinct(pairs, copy_reps * width + copy_rows)
    del copy_reps, copy_rows

    reps = _load(db, distinct(pairs // width), counted=False)
    group = _looked_up(*_member_groups(db, reps.ids), reps.ids, -1)
    leads = _looked_up(*_group_rows(db, group[group >= 0]), group, -1) == reps.ids
    # A representative whose group a new text would lead (it ranks earlier) is reopened; the others stay.
    outranked = _outranked(new, reps, pairs, width)
    del pairs
    opened = group[leads & outranked]
    staying = reps.ids[leads & ~outranked]

    old_ids = distinct(np.concatenate((reps.ids, placed, _group_members(db, opened))))
    local = _Rows.join([_load(db, old_ids, everywhere=everywhere), new]) if len(old_ids) else new
    return local, np.isin(local.ids, staying), old_ids


def _write(db: sqlite_utils.Database, ids: np.ndarray, grouping: Grouping, old_ids: np.ndarray) -> int:
    member_ids, member_of = _member_groups(db, old_ids)
    old_groups = distinct(member_of[member_of >= 0])
    group_ids, group_reps = _group_rows(db, old_groups)
    by_rep = np.argsort(group_reps, kind="stable")

    reps = distinct(ids[grouping.rep[grouping.rep >= 0]])
    next_id = db.execute("select coalesce(max(id), 0) + 1 from repeat_groups").fetchone()[0]
    group_of = _looked_up(group_reps[by_rep], group_ids[by_rep], reps, -1)
    del group_ids, group_reps, by_rep
    fresh = group_of < 0
    group_of[fresh] = next_id + np.arange(int(fresh.sum()))
    for start in range(0, len(reps), _WRITE_ROWS):
        part = slice(start, start + _WRITE_ROWS)
        db.conn.executemany(
            "insert into repeat_groups (id, representative_id, size) values (?, ?, 0)",
            zip(group_of[part][fresh[part]].tolist(), reps[part][fresh[part]].tolist()),
        )
    del fresh
    # A slice of paragraphs at a time: each one's group, before and now, weighed 25 bytes a paragraph at once.
    moved_groups: list[np.ndarray] = [np.empty(0, np.int64)]
    for start in range(0, len(ids), _WRITE_ROWS):
        part = slice(start, start + _WRITE_ROWS)
        rep = grouping.rep[part]
        # Furniture has no representative: when a regrouping holds nothing else there is no group to look up.
        member_group = (np.where(rep >= 0, group_of[np.searchsorted(reps, ids[np.maximum(rep, 0)])], -1)
                        if len(reps) else np.full(len(rep), -1, np.int64))
        db.conn.executemany(
            "insert into repeat_members (paragraph_id, group_id, score) values (?, ?, ?) "
            "on conflict(paragraph_id) do update set group_id = excluded.group_id, score = excluded.score",
            ((pid, gid if gid >= 0 else None, sc if gid >= 0 else None)
             for pid, gid, sc in zip(ids[part].tolist(), member_group.tolist(),
                                     grouping.score[part].astype(np.float64).tolist())),
        )
        # -1 for no group (furniture), -2 for not placed before
        before = _looked_up(member_ids, member_of, ids[part], -2)
        moved = before != member_group
        moved_groups.append(distinct(np.concatenate((member_group[moved], before[moved]))))
        release_freed_memory()
    del member_ids, member_of
    changed_groups = distinct(np.concatenate(moved_groups))
    del moved_groups
    changed_groups = changed_groups[changed_groups >= 0]
    _resize(db, np.concatenate((group_of, old_groups)))
    # A paragraph's keys follow from its text: one indexed before and still indexed keeps its rows.
    was_indexed = _indexed_among(db, ids)
    if len(was_indexed):
        _unindex(db, was_indexed[~np.isin(was_indexed, ids[grouping.indexed])])
    del reps, group_of
    grouping.rep = grouping.score = grouping.cls = np.empty(0, np.int64)
    release_freed_memory()
    _index(db, ids, grouping, was_indexed)
    changed = 0
    for part in _chunks(changed_groups):
        changed += db.execute(
            f"select count(*) from repeat_groups where id in ({_marks(part)}) and size >= 2", part
        ).fetchone()[0]
    return changed


def _indexed_among(db: sqlite_utils.Database, ids: np.ndarray) -> np.ndarray:
    """Those of these paragraph ids that are in the index, ascending."""
    if db.execute("select 1 from repeat_lsh_keys limit 1").fetchone() is None:
        return np.empty(0, np.int64)
    found: list[int] = []
    for part in _chunks(distinct(ids)):
        found.extend(r[0] for r in db.execute(
            f"select paragraph_id from repeat_lsh_keys where paragraph_id in ({_marks(part)})", part))
    return np.array(sorted(found), dtype=np.int64)


def _index(db: sqlite_utils.Database, ids: np.ndarray, grouping: Grouping, present: np.ndarray) -> None:
    """The indexed representatives' band keys, then their sentence keys, into repeat_lsh in key order (the
    order of its B-tree), a range of keys at a time; each paragraph's keys packed in repeat_lsh_keys (its
    band keys, then its sentence keys), so that they can be found again to delete. Paragraphs `present`
    in the index already are left as they are."""
    fresh = np.flatnonzero(~np.isin(ids[grouping.indexed], present)).astype(index_type(len(ids)))
    paragraph_ids = ids[grouping.indexed][fresh]
    if not len(paragraph_ids):
        return
    bands = minhash.BANDS
    ranges = max(1, len(paragraph_ids) * bands // _INDEX_CHUNK)
    edges = key_edges(ranges)
    # A slice of the representatives at a time in each band: a whole band's keys, reordered, weighed 30 MB
    # at 30,000 articles.
    rows = range(0, len(fresh), _INDEX_CHUNK)
    runs = KeyRuns(edges, min(len(fresh), _INDEX_CHUNK), bands * len(rows))
    try:
        for band in range(bands):
            for piece, low in enumerate(rows):
                part = fresh[low:low + _INDEX_CHUNK]
                keys = grouping.band_column(band, int(part[0]), int(part[-1]) + 1)[part - part[0]]
                runs.put(band * len(rows) + piece, keys, paragraph_ids[low:low + _INDEX_CHUNK])
        for index in range(ranges):
            _insert_keys(db, *runs.range(index))
    finally:
        runs.close()
    # Each sentence key's paragraph by its position among `paragraph_ids` (-1: not written here). The keys are
    # read from their spool a slice at a time, into two sets of runs: by key range for repeat_lsh, and by
    # the block of paragraphs they are packed with in repeat_lsh_keys below.
    position = np.full(len(ids), -1, dtype=index_type(len(ids)))
    position[grouping.indexed[fresh]] = np.arange(len(fresh))
    blocks = range(0, len(grouping.indexed), _BLOB_CHUNK)
    block_ends = np.searchsorted(fresh, [low + _BLOB_CHUNK for low in blocks])
    width = max(1, min(_INDEX_CHUNK, grouping.sentence_count))
    slices = range(0, grouping.sentence_count, width)
    runs = KeyRuns(edges, width, len(slices))
    by_block = KeyRuns(block_ends[:-1], width, len(slices))
    try:
        for column, start in enumerate(slices):
            keys, texts = grouping.sentences(start, start + width)
            where = position[texts]
            mine = where >= 0
            runs.put(column, keys[mine], paragraph_ids[where[mine]])
            by_block.put(column, where[mine], keys[mine])
        del position
        for index in range(ranges):
            _insert_keys(db, *runs.range(index))
        runs.close()
        # By spans of indexed rows, not of fresh ones: on a load into a grouped store the fresh are a sparse
        # few, and the band keys of every row between the first and last of a block were read at once (+14 MB).
        for block, low in enumerate(blocks):
            start, stop = np.searchsorted(fresh, [low, low + _BLOB_CHUNK]).tolist()
            if start == stop:
                continue
            rows = grouping.band_rows_between(low, low + _BLOB_CHUNK)[fresh[start:stop] - low]
            prints = grouping.print_rows_between(low, low + _BLOB_CHUNK)[fresh[start:stop] - low]
            where, block_keys = by_block.range(block)
            taken = np.argsort(where, kind="stable")
            block_keys = block_keys[taken]
            ends = np.cumsum(np.bincount(where[taken] - start, minlength=stop - start)).tolist()
            db.conn.executemany(
                "insert or replace into repeat_lsh_keys (paragraph_id, keys, prints) values (?, ?, ?)",
                ((pid, row.tobytes() + block_keys[a:b].tobytes(), packed.tobytes())
                 for pid, row, packed, a, b in zip(paragraph_ids[start:stop].tolist(), rows, prints,
                                                   [0, *ends[:-1]], ends)),
            )
            del rows, prints, taken, block_keys
            release_freed_memory()
    finally:
        runs.close()
        by_block.close()


def _insert_keys(db: sqlite_utils.Database, keys: np.ndarray, pids: np.ndarray) -> None:
    order = np.lexsort((pids, keys))
    for start in range(0, len(order), _WRITE_ROWS):
        part = order[start:start + _WRITE_ROWS]
        db.conn.executemany(
            "insert or ignore into repeat_lsh (key, paragraph_id) values (?, ?)",
            zip(keys[part].tolist(), pids[part].tolist()),
        )


def _unindex(db: sqlite_utils.Database, paragraph_ids: Sequence[int] | np.ndarray) -> None:
    if db.execute("select 1 from repeat_lsh_keys limit 1").fetchone() is None:
        return
    for part in _chunks(np.asarray(paragraph_ids, dtype=np.int64)):
        marks = _marks(part)
        packed = db.execute(
            f"select paragraph_id, keys from repeat_lsh_keys where paragraph_id in ({marks})", part
        ).fetchall()
        if not packed:
            continue
        db.conn.executemany(
            "delete from repeat_lsh where key = ? and paragraph_id = ?",
            ((key, pid) for pid, blob in packed for key in np.frombuffer(blob, dtype=np.int64).tolist()),
        )
        db.execute(f"delete from repeat_lsh_keys where paragraph_id in ({marks})", part)


def _resize(db: sqlite_utils.Database, group_ids: np.ndarray) -> None:
    for part in _chunks(distinct(np.asarray(group_ids, dtype=np.int64))):
        marks = _marks(part)
        db.execute(
            f"update repeat_groups set size = (select count(*) from repeat_members m where m.group_id = repeat_groups.id) "
            f"where id in ({marks})", part,
        )
        db.execute(f"delete from repeat_groups where id in ({marks}) and size = 0", part)


def forget_paragraphs(db: sqlite_utils.Database, paragraph_ids: list[int]) -> None:
    """Drop these paragraphs from their groups before they are deleted; a group that loses its
    representative is placed again from its remaining members. Runs in the caller's transaction."""
    ids = distinct(np.asarray(paragraph_ids, dtype=np.int64))
    if not len(ids):
        return
    member_of = _member_groups(db, ids)[1]
    groups, reps = _group_rows(db, member_of[member_of >= 0])
    headless = groups[np.isin(reps, ids)]
    orphans = np.setdiff1d(_group_members(db, headless), ids)
    for part in _chunks(np.concatenate((ids, orphans))):
        db.execute(f"delete from repeat_members where paragraph_id in ({_marks(part)})", part)
    _unindex(db, np.concatenate((ids, orphans)))
    for part in _chunks(headless):
        db.execute(f"delete from repeat_groups where id in ({_marks(part)})", part)
    _resize(db, np.setdiff1d(groups, headless))
    if len(orphans):
        _place(db, orphans, Settings(threshold=current_threshold(db)))


def _signed_by_an_earlier_version(db: sqlite_utils.Database) -> bool:
    """Whether the stored groups and index were made by signatures that differ from today's, which the
    stored keys and prints of its representatives would no longer match."""
    if get_meta(db, SIGNED_KEY) == str(minhash.SIGNING_VERSION):
        return False
    return db.execute("select 1 from repeat_members limit 1").fetchone() is not None


def regroup(db: sqlite_utils.Database, threshold: float | None = None) -> None:
    """Group everything again, with a new threshold when given (kept in meta for later loads)."""
    with _atomic(db):
        if threshold is not None:
            set_meta(db, THRESHOLD_KEY, repr(float(threshold)))
        set_meta(db, SIGNED_KEY, str(minhash.SIGNING_VERSION))
        db.execute("delete from repeat_lsh")
        db.execute("delete from repeat_lsh_keys")
        db.execute("delete from repeat_members")
        db.execute("delete from repeat_groups")
        if _any_unplaced(db):
            _place(db, None, Settings(threshold=current_threshold(db)))
