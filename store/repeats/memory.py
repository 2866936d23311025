"""A grouped collection held in memory, to which new texts are added without regrouping the rest."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from store.repeats import minhash
from store.repeats.engine import (
    Batch, Grouping, Settings, distinct, distinct_pairs, equal_key_matches, group_batch, plausible, text_keys,
)
from store.repeats.score import SHORT_WORDS


MOST_CANDIDATES = 6
"""Representatives a new text is compared with (the likeliest by signature), besides its exact copies."""
BUCKET_MOST = 16
"""Representatives taken from one LSH bucket: the earliest, as grouping in bulk pairs a text with the
first texts of each bucket."""


@dataclass
class _Lookup:
    """Sorted (key, item) pairs plus an unsorted tail of recent additions."""

    keys: np.ndarray
    items: np.ndarray
    tail_keys: np.ndarray
    tail_items: np.ndarray

    @classmethod
    def build(cls, keys: np.ndarray, items: np.ndarray) -> _Lookup:
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], items[order], np.empty(0, np.int64), np.empty(0, np.int64))

    def find(self, query: np.ndarray, most: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(query position, item) for the stored pairs whose key equals a query key: all of them, or
        the first `most` of each key (in the order they were stored) besides recent additions."""
        qpos, at = equal_key_matches(self.keys, query, most)
        items = self.items[at]
        if len(self.tail_keys):
            match = np.flatnonzero(np.isin(self.tail_keys, query))
            if len(match):
                where = {}
                for i, k in enumerate(query.tolist()):
                    where.setdefault(k, []).append(i)
                extra = [(q, int(self.tail_items[m])) for m in match.tolist() for q in where[int(self.tail_keys[m])]]
                qpos = np.concatenate((qpos, np.array([q for q, _ in extra], dtype=np.int64)))
                items = np.concatenate((items, np.array([it for _, it in extra], dtype=np.int64)))
        return qpos, items

    def add(self, keys: np.ndarray, items: np.ndarray) -> None:
        self.tail_keys = np.concatenate((self.tail_keys, keys))
        self.tail_items = np.concatenate((self.tail_items, items))
        if len(self.tail_keys) > max(100_000, len(self.keys) // 20):
            merged = _Lookup.build(np.concatenate((self.keys, self.tail_keys)), np.concatenate((self.items, self.tail_items)))
            self.keys, self.items = merged.keys, merged.items
            self.tail_keys, self.tail_items = merged.tail_keys, merged.tail_items


class MemoryIndex:
    """Texts with their groups (`rep`: representative's position, -1 for boilerplate) and the lookups
    that let a new text find its exact copies and the representatives it may match."""

    def __init__(self, batch: Batch, grouping: Grouping, settings: Settings = Settings()) -> None:
        self.settings = settings
        self.ids = np.asarray(batch.ids, dtype=np.int64)
        self.texts = list(batch.texts)
        self.published = np.asarray(batch.published, dtype=np.int64)
        self.doc_ids = np.asarray(batch.doc_ids, dtype=np.int64)
        self.lengths = grouping.lengths.astype(np.int64)
        self.keys = grouping.text_keys.astype(np.int64)
        self.rep = grouping.rep.astype(np.int64)
        self.score = grouping.score.astype(np.float32)
        self.low = grouping.low[grouping.cls]
        self.shingles = grouping.shingles[grouping.cls].astype(np.int32)
        self.exact = _Lookup.build(self.keys, np.arange(len(self.keys)))
        self.indexed = np.zeros(len(self.keys), dtype=bool)
        self.indexed[grouping.indexed] = True
        band_keys = grouping.band_keys()
        grouping.close()
        self.lsh = _Lookup.build(band_keys.ravel(), np.repeat(grouping.indexed, band_keys.shape[1]))

    @classmethod
    def from_grouping(cls, batch: Batch, grouping: Grouping, settings: Settings = Settings()) -> MemoryIndex:
        return cls(batch, grouping, settings)

    def _outranks(self, new: tuple[int, int, int], item: int) -> bool:
        return new < (int(self.published[item]), -int(self.lengths[item]), int(self.ids[item]))

    def add(self, batch: Batch) -> int:
        """Place new texts; returns the number of groups (of two or more) they touched."""
        m = len(batch.texts)
        base = len(self.texts)
        normalised = minhash.normalise_all(batch.texts)
        keys = text_keys(normalised)
        lengths = np.fromiter(map(len, batch.texts), dtype=np.int64, count=m)
        sig = minhash.signatures(normalised, workers=1)
        long = np.flatnonzero((sig.words >= SHORT_WORDS) & (sig.shingles > 0))
        band = minhash.band_keys(sig.sig[long])

        qpos, found = self.lsh.find(band.ravel(), most=BUCKET_MOST)
        cand_new = long[qpos // band.shape[1]]
        alive = self.rep[found] == found
        cand_new, cand_rep = cand_new[alive], found[alive]
        cand_new, cand_rep = distinct_pairs(cand_new, cand_rep, len(self.rep) + 1)
        low = minhash.low_bytes(sig.sig)
        keep = plausible(low[cand_new], sig.shingles[cand_new], self.low[cand_rep], self.shingles[cand_rep],
                         self.settings, keys_a=cand_new, most=MOST_CANDIDATES)
        cand_new, cand_rep = cand_new[keep], cand_rep[keep]
        epos, copies = self.exact.find(keys)
        cand_new = np.concatenate((cand_new, epos))
        cand_rep = np.concatenate((cand_rep, np.where(self.rep[copies] >= 0, self.rep[copies], copies)))

        ranks = list(zip(np.asarray(batch.published).tolist(), (-lengths).tolist(), np.asarray(batch.ids).tolist()))
        reps = sorted(set(cand_rep.tolist()))
        opened = {r for j, r in zip(cand_new.tolist(), cand_rep.tolist()) if self._outranks(ranks[j], r)}
        local = set(reps) | set(copies.tolist())
        for r in opened:
            local.update(np.flatnonzero(self.rep == r).tolist())
        old = np.array(sorted(local), dtype=np.int64)

        self._append(batch, normalised, keys, lengths, low, sig.shingles)
        items = np.concatenate((old, np.arange(base, base + m)))
        fixed = np.zeros(len(items), dtype=bool)
        fixed[: len(old)] = np.isin(old, [r for r in reps if r not in opened]) & (self.rep[old] == old)
        shared = self._shared_docs(items)
        local_batch = Batch(
            ids=self.ids[items], texts=[self.texts[i] for i in items.tolist()], published=self.published[items],
            doc_ids=self.doc_ids[items], keys=self.keys[items], shared_docs=shared, fixed=fixed,
        )
        grouping = group_batch(local_batch, self.settings)
        new_rep = np.where(grouping.rep >= 0, items[np.maximum(grouping.rep, 0)], -1)
        before = self.rep[items]
        moved = (before != new_rep) | (np.arange(len(items)) >= len(old))
        self.rep[items] = new_rep
        self.score[items] = grouping.score
        fresh = items[grouping.indexed]
        keep = ~self.indexed[fresh]
        band_keys = grouping.band_keys()
        grouping.close()
        if keep.any():
            self.indexed[fresh[keep]] = True
            self.lsh.add(band_keys[keep].ravel(), np.repeat(fresh[keep], band_keys.shape[1]))
        self.exact.add(keys, np.arange(base, base + m))
        touched = distinct(np.concatenate((new_rep[moved], before[moved])))
        touched = touched[touched >= 0]
        sizes = np.bincount(self.rep[np.isin(self.rep, touched)], minlength=len(self.rep))
        return int(np.count_nonzero(sizes[touched] >= 2))

    def _append(
        self, batch: Batch, normalised: list[str], keys: np.ndarray, lengths: np.ndarray, low: np.ndarray,
        shingles: np.ndarray,
    ) -> None:
        m = len(normalised)
        self.low = np.concatenate((self.low, low))
        self.shingles = np.concatenate((self.shingles, shingles.astype(np.int32)))
        self.ids = np.concatenate((self.ids, np.asarray(batch.ids, dtype=np.int64)))
        self.texts.extend(batch.texts)
        self.published = np.concatenate((self.published, np.asarray(batch.published, dtype=np.int64)))
        self.doc_ids = np.concatenate((self.doc_ids, np.asarray(batch.doc_ids, dtype=np.int64)))
        self.lengths = np.concatenate((self.lengths, lengths))
        self.keys = np.concatenate((self.keys, keys))
        self.rep = np.concatenate((self.rep, np.arange(len(self.rep), len(self.rep) + m)))
        self.score = np.concatenate((self.score, np.full(m, 100.0, dtype=np.float32)))
        self.indexed = np.concatenate((self.indexed, np.zeros(m, dtype=bool)))

    def _shared_docs(self, items: np.ndarray) -> np.ndarray:
        """Documents holding each item's text verbatim, over everything held."""
        keys = self.keys[items]
        wanted = distinct(keys)
        _, found = self.exact.find(wanted)
        docs: dict[int, set[int]] = {}
        for key, doc in zip(np.concatenate((self.keys[found], keys)).tolist(),
                            np.concatenate((self.doc_ids[found], self.doc_ids[items])).tolist()):
            docs.setdefault(key, set()).add(doc)
        return np.array([len(docs[k]) for k in keys.tolist()], dtype=np.int64)
