"""Repeat groups in the store: place new paragraphs against the stored index, forget, regroup."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from store.db import get_meta, set_meta
from store.kinds import READING_KINDS
from store.repeats import minhash
from store.repeats.engine import Batch, Grouping, Settings, group_batch, hex_keys, plausible, published_number
from store.repeats.memory import BUCKET_MOST, MOST_CANDIDATES
from store.repeats.score import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    import sqlite_utils

THRESHOLD_KEY = "repeat_threshold"
SENTENCE_MOST = 8
"""Indexed paragraphs taken from one sentence-key bucket."""
_CHUNK = 500
_INDEX_CHUNK = 100_000


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


def _chunks(values: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


@dataclass
class _Rows:
    """Paragraph rows in the shape the engine takes."""

    ids: list[int]
    texts: list[str]
    published: list[int]
    doc_ids: list[int]
    hashes: list[str]
    titles: list[bool]

    def batch(self, shared_docs: np.ndarray, fixed: np.ndarray) -> Batch:
        return Batch(
            ids=np.array(self.ids, dtype=np.int64), texts=self.texts,
            published=np.array(self.published, dtype=np.int64), doc_ids=np.array(self.doc_ids, dtype=np.int64),
            keys=hex_keys(self.hashes), shared_docs=shared_docs, exempt=np.array(self.titles, dtype=bool),
            fixed=fixed,
        )


_SELECT = (
    "select p.id, p.text, d.published, p.doc_id, p.hash, p.kind from paragraphs p "
    "join documents d on d.id = p.doc_id where p.id in ({})"
)


def _load(db: sqlite_utils.Database, ids: Sequence[int]) -> _Rows:
    """Rows of these paragraph ids, given in ascending order; ids no longer stored are skipped.

    Filled column by column as SQLite returns them: a row tuple per paragraph held until the end
    doubled what loading a whole collection's paragraphs for grouping weighed.
    """
    out = _Rows(ids=[], texts=[], published=[], doc_ids=[], hashes=[], titles=[])
    for part in _chunks(list(ids)):
        for pid, text, published, doc_id, text_hash, kind in db.execute(
            _SELECT.format(_marks(part)) + " order by p.id", list(part)
        ):
            out.ids.append(pid)
            out.texts.append(text or "")
            out.published.append(published_number(published))
            out.doc_ids.append(doc_id)
            out.hashes.append(text_hash)
            out.titles.append(kind == "title")
    return out


def _reading(db: sqlite_utils.Database, ids: Sequence[int]) -> list[int]:
    out: list[int] = []
    kinds = _marks(READING_KINDS)
    for part in _chunks(list(ids)):
        out.extend(r[0] for r in db.execute(
            f"select id from paragraphs where id in ({_marks(part)}) and kind in ({kinds}) "
            "and id not in (select paragraph_id from repeat_members)",
            [*part, *READING_KINDS],
        ))
    return out


def _unplaced(db: sqlite_utils.Database) -> list[int]:
    return [r[0] for r in db.execute(
        f"select id from paragraphs where kind in ({_marks(READING_KINDS)}) "
        "and id not in (select paragraph_id from repeat_members) order by id",
        list(READING_KINDS),
    )]


def _shared_docs(db: sqlite_utils.Database, hashes: Sequence[str]) -> dict[str, int]:
    """Documents holding each text verbatim (reading paragraphs only)."""
    out: dict[str, int] = {}
    distinct = sorted(set(hashes))
    kinds = _marks(READING_KINDS)
    for part in _chunks(distinct):
        out.update(db.execute(
            f"select hash, count(distinct doc_id) from paragraphs where hash in ({_marks(part)}) "
            f"and kind in ({kinds}) group by hash",
            [*part, *READING_KINDS],
        ).fetchall())
    return out


def _copies(db: sqlite_utils.Database, hashes: Sequence[str], exclude: set[int]) -> dict[int, int | None]:
    """Placed paragraphs with one of these hashes: paragraph id -> group id (None for furniture)."""
    out: dict[int, int | None] = {}
    for part in _chunks(sorted(set(hashes))):
        for pid, gid in db.execute(
            f"select m.paragraph_id, m.group_id from paragraphs p join repeat_members m on m.paragraph_id = p.id "
            f"where p.hash in ({_marks(part)})", list(part),
        ):
            if pid not in exclude:
                out[pid] = gid
    return out


def _lsh_hits(db: sqlite_utils.Database, keys: np.ndarray, most: int | None = None) -> dict[int, list[int]]:
    """Key -> indexed paragraph ids (the first `most`, by default BUCKET_MOST, of each bucket by id)."""
    most = BUCKET_MOST if most is None else most
    hits: dict[int, list[int]] = {}
    values = sorted(set(keys.ravel().tolist()))
    for part in _chunks(values):
        for key, pid in db.execute(
            f"select key, paragraph_id from repeat_lsh where key in ({_marks(part)}) order by key, paragraph_id", part
        ):
            bucket = hits.setdefault(key, [])
            if len(bucket) < most:
                bucket.append(pid)
    return hits


def _member_groups(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, int | None]:
    out: dict[int, int | None] = {}
    for part in _chunks(list(ids)):
        out.update(db.execute(
            f"select paragraph_id, group_id from repeat_members where paragraph_id in ({_marks(part)})", list(part)
        ).fetchall())
    return out


def _group_rows(db: sqlite_utils.Database, group_ids: Iterable[int]) -> dict[int, int]:
    """Group id -> representative paragraph id."""
    out: dict[int, int] = {}
    for part in _chunks(sorted(set(group_ids))):
        out.update(db.execute(
            f"select id, representative_id from repeat_groups where id in ({_marks(part)})", list(part)
        ).fetchall())
    return out


def _group_members(db: sqlite_utils.Database, group_ids: Iterable[int]) -> list[int]:
    out: list[int] = []
    for part in _chunks(sorted(set(group_ids))):
        out.extend(r[0] for r in db.execute(
            f"select paragraph_id from repeat_members where group_id in ({_marks(part)})", list(part)
        ))
    return out


def _plausible(
    db: sqlite_utils.Database, candidates: dict[int, list[int]], sig: minhash.Signatures, settings: Settings,
) -> dict[int, list[int]]:
    """Keep the (representative, new text) pairs whose signatures make a match plausible."""
    if not candidates:
        return candidates
    reps = _load(db, sorted(candidates))
    theirs = minhash.signatures(minhash.normalise_all(reps.texts), workers=1)
    rep_rows = [i for i, pid in enumerate(reps.ids) for _ in set(candidates[pid])]
    new_rows = [r for pid in reps.ids for r in sorted(set(candidates[pid]))]
    low_new, low_rep = minhash.low_bytes(sig.sig), minhash.low_bytes(theirs.sig)
    keep = plausible(low_new[new_rows], sig.shingles[new_rows], low_rep[rep_rows], theirs.shingles[rep_rows], settings,
                     keys_a=np.array(new_rows, dtype=np.int64), most=MOST_CANDIDATES)
    out: dict[int, list[int]] = {}
    for i, r, ok in zip(rep_rows, new_rows, keep.tolist()):
        if ok:
            out.setdefault(reps.ids[i], []).append(r)
    return out


def _indexed_candidates(db: sqlite_utils.Database, new: _Rows, settings: Settings) -> dict[int, list[int]]:
    """Indexed representative -> rows of `new` it may match. Skipped on an empty index (a first load),
    where the signatures would cost seconds and hundreds of MB for nothing."""
    if db.execute("select 1 from repeat_lsh limit 1").fetchone() is None:
        return {}
    normalised = minhash.normalise_all(new.texts)
    sig = minhash.signatures(normalised, workers=2 if len(normalised) > 40_000 else 1)
    long = np.flatnonzero((sig.words >= settings.short_words) & (sig.shingles > 0))
    band = minhash.band_keys(sig.sig[long])
    candidates: dict[int, list[int]] = {}
    hits = _lsh_hits(db, band) if len(long) else {}
    for row, keys in zip(long.tolist(), band.tolist()):
        for key in keys:
            for pid in hits.get(key, ()):
                candidates.setdefault(pid, []).append(row)
    candidates = _plausible(db, candidates, sig, settings)
    # Sentence keys name one text (whole, or without one sentence), so their buckets stay small and their
    # hits are scored without the signature filter: a copy that drops a sentence often fails it.
    is_long = np.zeros(len(new.ids), dtype=bool)
    is_long[long] = True
    keep = is_long[sig.sentence_rows]
    sentence_keys, sentence_rows = sig.sentence_keys[keep], sig.sentence_rows[keep]
    sentence_hits = _lsh_hits(db, sentence_keys, SENTENCE_MOST) if len(sentence_keys) else {}
    for key, row in zip(sentence_keys.tolist(), sentence_rows.tolist()):
        for pid in sentence_hits.get(key, ()):
            rows = candidates.setdefault(pid, [])
            if row not in rows:
                rows.append(row)
    return candidates


def _rank(published: int, length: int, pid: int) -> tuple[int, int, int]:
    return (published, -length, pid)


def update_repeats(db: sqlite_utils.Database, paragraph_ids: list[int] | None = None) -> int:
    """Group these new paragraphs (None: every reading paragraph not yet placed) with what is stored.

    Only the new paragraphs, the representatives they may match, and the groups they may take over
    are regrouped. Returns the number of groups of two or more that changed.
    """
    new_ids = _unplaced(db) if paragraph_ids is None else _reading(db, sorted(set(paragraph_ids)))
    if not new_ids:
        return 0
    with _atomic(db):
        return _place(db, new_ids, Settings(threshold=current_threshold(db)))


def _place(db: sqlite_utils.Database, new_ids: list[int], settings: Settings) -> int:
    new = _load(db, sorted(new_ids))
    new_set = set(new.ids)
    candidates = _indexed_candidates(db, new, settings)
    copies = _copies(db, new.hashes, new_set)
    copy_groups = {g for g in copies.values() if g is not None}
    group_rep = _group_rows(db, copy_groups)
    by_hash: dict[str, list[int]] = {}
    for row, h in enumerate(new.hashes):
        by_hash.setdefault(h, []).append(row)
    copy_hash = {}
    if copies:
        for part in _chunks(sorted(copies)):
            copy_hash.update(db.execute(f"select id, hash from paragraphs where id in ({_marks(part)})", list(part)).fetchall())
    for pid, gid in copies.items():
        rep = group_rep.get(gid, pid) if gid is not None else pid
        candidates.setdefault(rep, []).extend(by_hash[copy_hash[pid]])

    cand_rows = _load(db, sorted(candidates))
    cand_group = _member_groups(db, cand_rows.ids)
    rep_groups = _group_rows(db, [g for g in cand_group.values() if g is not None])
    new_rank = [_rank(p, len(t), i) for p, t, i in zip(new.published, new.texts, new.ids)]
    opened: set[int] = set()
    fixed_reps: set[int] = set()
    for pid, pub, text in zip(cand_rows.ids, cand_rows.published, cand_rows.texts):
        gid = cand_group.get(pid)
        if gid is None or rep_groups.get(gid) != pid:
            continue
        mine = _rank(pub, len(text), pid)
        (opened if any(new_rank[r] < mine for r in candidates[pid]) else fixed_reps).add(gid)

    old_ids = set(cand_rows.ids) | set(copies) | set(_group_members(db, opened))
    old = _load(db, sorted(old_ids))
    local = _Rows(
        ids=old.ids + new.ids, texts=old.texts + new.texts, published=old.published + new.published,
        doc_ids=old.doc_ids + new.doc_ids, hashes=old.hashes + new.hashes, titles=old.titles + new.titles,
    )
    fixed_ids = {rep_groups[g] for g in fixed_reps}
    fixed = np.array([pid in fixed_ids for pid in local.ids], dtype=bool)
    shared = _shared_docs(db, local.hashes)
    grouping = group_batch(local.batch(np.array([shared.get(h, 1) for h in local.hashes]), fixed), settings)
    return _write(db, local, grouping, old_ids)


def _write(db: sqlite_utils.Database, local: _Rows, grouping: Grouping, old_ids: set[int]) -> int:
    ids = local.ids
    old_member = _member_groups(db, sorted(old_ids))
    old_groups = {g for g in old_member.values() if g is not None}
    old_rep_group = {rep: gid for gid, rep in _group_rows(db, old_groups).items()}

    rep_pid = [ids[r] if r >= 0 else None for r in grouping.rep.tolist()]
    group_of_rep: dict[int, int] = {}
    next_id = db.execute("select coalesce(max(id), 0) + 1 from repeat_groups").fetchone()[0]
    opened: list[tuple[int, int]] = []
    for pid in sorted({p for p in rep_pid if p is not None}):
        gid = old_rep_group.get(pid)
        if gid is None:
            gid, next_id = next_id, next_id + 1
            opened.append((gid, pid))
        group_of_rep[pid] = gid
    db.conn.executemany("insert into repeat_groups (id, representative_id, size) values (?, ?, 0)", opened)
    rows = [
        (pid, group_of_rep[rep] if rep is not None else None, float(score) if rep is not None else None)
        for pid, rep, score in zip(ids, rep_pid, grouping.score.tolist())
    ]
    db.conn.executemany(
        "insert into repeat_members (paragraph_id, group_id, score) values (?, ?, ?) "
        "on conflict(paragraph_id) do update set group_id = excluded.group_id, score = excluded.score",
        rows,
    )
    touched = set(group_of_rep.values()) | old_groups
    changed_groups = {
        gid for pid, gid, _ in rows if old_member.get(pid, -1) != gid
    } | {old_member[pid] for pid, gid, _ in rows if pid in old_member and old_member[pid] != gid}
    changed_groups.discard(None)
    _resize(db, touched)
    _unindex(db, ids)
    ids_array = np.asarray(ids, dtype=np.int64)
    _index(db, ids_array[grouping.indexed], grouping.band_keys, ids_array[grouping.sentence_texts],
           grouping.sentence_keys)
    changed = 0
    for part in _chunks(sorted(changed_groups)):
        changed += db.execute(
            f"select count(*) from repeat_groups where id in ({_marks(part)}) and size >= 2", list(part)
        ).fetchone()[0]
    return changed


def _index(
    db: sqlite_utils.Database, paragraph_ids: np.ndarray, band_keys: np.ndarray,
    sentence_ids: np.ndarray | None = None, sentence_keys: np.ndarray | None = None,
) -> None:
    """Band keys, then sentence keys, into repeat_lsh in key order, the order of its B-tree; each
    paragraph's keys packed in repeat_lsh_keys (its band keys, then its sentence keys), so that they can
    be found again to delete."""
    if not len(paragraph_ids):
        return
    band_keys = np.ascontiguousarray(band_keys, dtype=np.int64)
    _insert_keys(db, band_keys.ravel(), np.repeat(paragraph_ids, band_keys.shape[1]))
    if sentence_ids is None or sentence_keys is None or not len(sentence_ids):
        sentence_ids, sentence_keys = np.empty(0, np.int64), np.empty(0, np.int64)
    by_paragraph = np.argsort(sentence_ids, kind="stable")
    sentence_ids = np.asarray(sentence_ids, dtype=np.int64)[by_paragraph]
    sentence_keys = np.asarray(sentence_keys, dtype=np.int64)[by_paragraph]
    # A second sorted pass rather than one over both: the joined copies raised the load's peak by 23 MB.
    _insert_keys(db, sentence_keys, sentence_ids)
    first = np.searchsorted(sentence_ids, paragraph_ids, side="left").tolist()
    last = np.searchsorted(sentence_ids, paragraph_ids, side="right").tolist()
    db.conn.executemany(
        "insert or replace into repeat_lsh_keys (paragraph_id, keys) values (?, ?)",
        ((pid, row.tobytes() + sentence_keys[a:b].tobytes())
         for pid, row, a, b in zip(paragraph_ids.tolist(), band_keys, first, last)),
    )


def _insert_keys(db: sqlite_utils.Database, keys: np.ndarray, pids: np.ndarray) -> None:
    order = np.lexsort((pids, keys))
    for start in range(0, len(order), _INDEX_CHUNK):
        part = order[start:start + _INDEX_CHUNK]
        db.conn.executemany(
            "insert or ignore into repeat_lsh (key, paragraph_id) values (?, ?)",
            zip(keys[part].tolist(), pids[part].tolist()),
        )


def _unindex(db: sqlite_utils.Database, paragraph_ids: Sequence[int]) -> None:
    for part in _chunks(list(paragraph_ids)):
        marks = _marks(part)
        packed = db.execute(
            f"select paragraph_id, keys from repeat_lsh_keys where paragraph_id in ({marks})", list(part)
        ).fetchall()
        if not packed:
            continue
        db.conn.executemany(
            "delete from repeat_lsh where key = ? and paragraph_id = ?",
            ((key, pid) for pid, blob in packed for key in np.frombuffer(blob, dtype=np.int64).tolist()),
        )
        db.execute(f"delete from repeat_lsh_keys where paragraph_id in ({marks})", list(part))


def _resize(db: sqlite_utils.Database, group_ids: Iterable[int]) -> None:
    for part in _chunks(sorted(set(group_ids))):
        marks = _marks(part)
        db.execute(
            f"update repeat_groups set size = (select count(*) from repeat_members m where m.group_id = repeat_groups.id) "
            f"where id in ({marks})", list(part),
        )
        db.execute(f"delete from repeat_groups where id in ({marks}) and size = 0", list(part))


def forget_paragraphs(db: sqlite_utils.Database, paragraph_ids: list[int]) -> None:
    """Drop these paragraphs from their groups before they are deleted; a group that loses its
    representative is placed again from its remaining members. Runs in the caller's transaction."""
    ids = sorted(set(paragraph_ids))
    if not ids:
        return
    gone = set(ids)
    groups: set[int] = set()
    for part in _chunks(ids):
        groups.update(g for (g,) in db.execute(
            f"select group_id from repeat_members where paragraph_id in ({_marks(part)}) and group_id is not null",
            list(part),
        ))
    reps = _group_rows(db, groups)
    headless = [gid for gid, rep in reps.items() if rep in gone]
    orphans = [pid for pid in _group_members(db, headless) if pid not in gone]
    for part in _chunks(ids + orphans):
        db.execute(f"delete from repeat_members where paragraph_id in ({_marks(part)})", list(part))
    _unindex(db, ids + orphans)
    for part in _chunks(sorted(headless)):
        db.execute(f"delete from repeat_groups where id in ({_marks(part)})", list(part))
    _resize(db, groups - set(headless))
    if orphans:
        _place(db, orphans, Settings(threshold=current_threshold(db)))


def regroup(db: sqlite_utils.Database, threshold: float | None = None) -> None:
    """Group everything again, with a new threshold when given (kept in meta for later loads)."""
    with _atomic(db):
        if threshold is not None:
            set_meta(db, THRESHOLD_KEY, repr(float(threshold)))
        db.execute("delete from repeat_lsh")
        db.execute("delete from repeat_lsh_keys")
        db.execute("delete from repeat_members")
        db.execute("delete from repeat_groups")
        ids = _unplaced(db)
        if ids:
            _place(db, ids, Settings(threshold=current_threshold(db)))
