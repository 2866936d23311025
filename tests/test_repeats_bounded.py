"""Grouping a whole collection holds a block of texts at a time, and spooling changes no result."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils

from bench.corpus import write_corpus
from store.db import open_db
from store.load import load_paths
from store.repeats import minhash, regroup, spool, update_repeats
from store.repeats.engine import Batch, group_batch

groups_module = importlib.import_module("store.repeats.groups")
engine = importlib.import_module("store.repeats.engine")


def test_band_spool_on_disk_reads_back_what_was_written(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1)
    blocks = [rng.integers(-(2**63), 2**63 - 1, size=(n, 5), dtype=np.int64) for n in (7, 0, 12, 3)]
    whole = np.concatenate(blocks)
    for limit in (1 << 30, 0):
        monkeypatch.setattr(spool, "IN_MEMORY_BYTES", limit)
        bands = spool.BandSpool(30, 5)
        assert (bands.backing.file is None) == (limit > 0)
        for block in blocks:
            bands.append(block)
        assert len(bands) == len(whole)
        assert np.array_equal(bands.rows(), whole)
        assert np.array_equal(bands.rows(4, 15), whole[4:15])
        for band in range(5):
            assert np.array_equal(bands.column(band), whole[:, band])
        bands.close()


def test_key_runs_give_each_range_of_every_column(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(5)
    columns = [rng.integers(-(2**63), 2**63 - 1, size=40, dtype=np.int64) for _ in range(3)]
    edges = np.array([-(2**62), 0, 2**62], dtype=np.int64)
    for limit in (1 << 30, 0):
        monkeypatch.setattr(spool, "IN_MEMORY_BYTES", limit)
        runs = spool.KeyRuns(edges, 40, 3)
        for c, keys in enumerate(columns):
            runs.put(c, keys, np.arange(40) + 100 * c)
        bounds = [-(2**63), *edges.tolist(), 2**63]
        seen = 0
        for index in range(4):
            keys, items = runs.range(index)
            expected = sorted((int(k), i + 100 * c) for c, col in enumerate(columns) for i, k in enumerate(col)
                              if bounds[index] <= k < bounds[index + 1])
            assert sorted(zip(keys.tolist(), items.tolist())) == expected
            seen += len(keys)
        assert seen == 120
        runs.close()


def test_array_spool_reads_back_its_blocks_in_order_on_disk_and_in_memory() -> None:
    blocks = [np.array([5, -3], dtype=np.int64), np.empty(0, np.int64), np.array([2**62, 7, 0], dtype=np.int64)]
    for on_disk in (False, True):
        held = spool.ArraySpool(np.int64, on_disk)
        assert (held.backing is not None) == on_disk
        assert held.read().dtype == np.int64 and len(held.read()) == 0
        for block in blocks:
            held.append(block)
        assert len(held) == 5
        assert held.read().tolist() == [5, -3, 2**62, 7, 0]
        assert held.read(1, 4).tolist() == [-3, 2**62, 7] and held.read(4, 9).tolist() == [0]
        held.close()
        wide = spool.ArraySpool(np.uint8, on_disk, width=3)
        assert wide.read().shape == (0, 3)
        for block in (np.arange(6, dtype=np.uint8).reshape(2, 3), np.empty((0, 3), np.uint8), np.full((1, 3), 9)):
            wide.append(block)
        assert len(wide) == 3
        assert wide.read(1, 3).tolist() == [[3, 4, 5], [9, 9, 9]]
        assert wide.read().tolist() == [[0, 1, 2], [3, 4, 5], [9, 9, 9]]
        wide.close()
    rows = spool.ArraySpool(np.int32, True)
    rows.append(np.array([1, 2, 3], dtype=np.int64))
    assert rows.read().dtype == np.int32 and rows.read().tolist() == [1, 2, 3]
    rows.close()


def test_without_positioned_io_the_spool_seeks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spool, "_POSITIONED", False)
    monkeypatch.setattr(spool, "IN_MEMORY_BYTES", 0)
    keys = np.arange(60, dtype=np.int64).reshape(20, 3) * 7919
    bands = spool.BandSpool(25, 3)
    bands.append(keys[:8])
    bands.append(keys[8:])
    assert np.array_equal(bands.rows(), keys) and np.array_equal(bands.column(2, 5, 9), keys[5:9, 2])
    bands.close()
    held = spool.CodeSpool(True)
    held.append(["ab", "", "cde"])
    assert held.take(np.array([0, 2])) == ["ab", "cde"]
    held.close()


def test_code_spool_on_disk_reads_back_runs_and_scattered_rows() -> None:
    codes = ["", "a", "\U0010fff0b\u0100", "xyz", "\ue000" * 40, "q"]
    for on_disk in (False, True):
        held = spool.CodeSpool(on_disk)
        held.append(codes[:2])
        held.append(codes[2:5])
        held.append(codes[5:])
        for rows in ([0, 1, 2, 3, 4, 5], [1, 3, 5], [2], [], [0, 4, 5]):
            assert held.take(np.array(rows, dtype=np.int64)) == [codes[r] for r in rows]
        held.close()


class CountingTexts(spool.ListTexts):
    """A text source that remembers the most texts it was asked for at once."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts)
        self.most = 0

    def take(self, rows: np.ndarray) -> list[str]:
        self.most = max(self.most, len(rows))
        return super().take(rows)


def count_texts_taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts each read from the store asks for, from now on."""
    asked: list[int] = []
    take = groups_module._StoredTexts.take

    def counted(self: groups_module._StoredTexts, rows: np.ndarray) -> list[str]:
        asked.append(len(rows))
        return take(self, rows)

    monkeypatch.setattr(groups_module._StoredTexts, "take", counted)
    return asked


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 40, seed=3)
    return folder


@pytest.fixture(scope="module")
def batch(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Batch:
    db = open_db(tmp_path_factory.mktemp("db") / "t.db")
    load_paths(db, [corpus], workers=1, group_repeats=False)
    rows = db.execute(
        "select p.id, p.text, d.published, p.doc_id from paragraphs p join documents d on d.id = p.doc_id "
        "where p.kind in ('title', 'heading', 'body') order by p.id"
    ).fetchall()
    db.close()
    return Batch(
        ids=np.array([r[0] for r in rows]), texts=[r[1] for r in rows],
        published=np.array([engine.published_number(r[2]) for r in rows]), doc_ids=np.array([r[3] for r in rows]),
    )


def test_grouping_takes_texts_a_block_at_a_time_with_the_same_result(
    batch: Batch, monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = group_batch(batch)
    texts = CountingTexts(list(batch.texts))
    monkeypatch.setattr(engine, "SIGNATURE_BLOCK", 64)
    monkeypatch.setattr(engine, "SCORE_BLOCK", 50)
    monkeypatch.setattr(engine, "KEY_RANGE_ROWS", 40)
    monkeypatch.setattr(engine, "PRINT_BLOCK", 32)
    monkeypatch.setattr(engine, "CODE_SLICE", 16)
    monkeypatch.setattr(engine, "SENTENCE_SLICE", 50)
    monkeypatch.setattr(spool, "IN_MEMORY_BYTES", 0)
    blocked = group_batch(Batch(ids=batch.ids, texts=texts, published=batch.published, doc_ids=batch.doc_ids))
    assert len(batch.texts) > 500
    assert texts.most <= 64
    assert blocked.bands.backing.file is not None
    assert whole.stats["matches"] > 20
    for name in ("rep", "score", "indexed", "low", "shingles"):
        assert np.array_equal(getattr(whole, name), getattr(blocked, name)), name
    # Blocks list sentence keys in another order; each text's own keys keep theirs.
    whole_keys, whole_texts = whole.sentences()
    blocked_keys, blocked_texts = blocked.sentences()
    assert len(whole_keys) > 100
    assert sorted(zip(whole_texts.tolist(), whole_keys.tolist())) == sorted(
        zip(blocked_texts.tolist(), blocked_keys.tolist()))
    assert np.array_equal(whole.band_keys(), blocked.band_keys())
    whole.close()
    blocked.close()


def test_the_store_groups_a_collection_without_holding_its_texts(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def grouped(path: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
        db = open_db(path)
        load_paths(db, [corpus], workers=1)
        members = db.execute(
            "select m.paragraph_id, g.representative_id, round(m.score, 3) from repeat_members m "
            "left join repeat_groups g on g.id = m.group_id order by m.paragraph_id"
        ).fetchall()
        index = db.execute(
            "select k.paragraph_id, k.keys, k.prints, "
            "(select count(*) from repeat_lsh l where l.paragraph_id = k.paragraph_id) "
            "from repeat_lsh_keys k order by k.paragraph_id"
        ).fetchall()
        lsh = db.execute("select key, paragraph_id from repeat_lsh order by key, paragraph_id").fetchall()
        db.close()
        return members, index, lsh

    at_once = grouped(tmp_path / "at-once.db")
    most = count_texts_taken(monkeypatch)
    monkeypatch.setattr(engine, "SIGNATURE_BLOCK", 100)
    monkeypatch.setattr(engine, "SCORE_BLOCK", 50)
    monkeypatch.setattr(engine, "KEY_RANGE_ROWS", 40)
    monkeypatch.setattr(engine, "PRINT_BLOCK", 40)
    monkeypatch.setattr(engine, "CODE_SLICE", 16)
    monkeypatch.setattr(engine, "SENTENCE_SLICE", 50)
    monkeypatch.setattr(groups_module, "_INDEX_CHUNK", 100)
    monkeypatch.setattr(groups_module, "_BLOB_CHUNK", 70)
    monkeypatch.setattr(spool, "IN_MEMORY_BYTES", 0)
    blocked = grouped(tmp_path / "blocked.db")
    assert len(at_once[0]) > 500 and sum(1 for _, rep, _ in at_once[0] if rep is not None) > 20
    assert len(at_once[1]) > 300 and len(at_once[2]) > 300 * minhash.BANDS
    assert max(most) <= 100
    assert blocked == at_once
    assert all(len(blob) // 8 >= count and len(prints) == minhash.PRINT_BYTES
               for _, blob, prints, count in blocked[1])


def test_regrouping_the_store_gives_the_same_groups(corpus: Path, tmp_path: Path) -> None:
    db = open_db(tmp_path / "t.db")
    load_paths(db, [corpus], workers=1)
    query = ("select m.paragraph_id, g.representative_id from repeat_members m "
             "left join repeat_groups g on g.id = m.group_id order by m.paragraph_id")
    first = db.execute(query).fetchall()
    regroup(db)
    assert db.execute(query).fetchall() == first
    db.close()


MEMBERS = ("select m.paragraph_id, g.representative_id, round(m.score, 3) from repeat_members m "
           "left join repeat_groups g on g.id = m.group_id order by m.paragraph_id")


def in_two_halves(path: Path, corpus: Path, between: Callable[[sqlite_utils.Database], None] = lambda db: None) -> list:
    """Groups, index and packed keys after loading the corpus's months in two halves (`between` runs between)."""
    months = sorted(p for p in corpus.iterdir() if p.is_dir())
    assert len(months) >= 2
    db = open_db(path)
    load_paths(db, months[: len(months) // 2], workers=1)
    assert db.execute("select count(*) from repeat_lsh").fetchone()[0] > 0
    between(db)
    load_paths(db, months[len(months) // 2:], workers=1)
    found = [db.execute(query).fetchall() for query in (
        MEMBERS,
        "select key, paragraph_id from repeat_lsh order by key, paragraph_id",
        "select paragraph_id, keys, prints from repeat_lsh_keys order by paragraph_id",
    )]
    db.close()
    return found


def test_a_load_into_a_grouped_store_signs_its_texts_a_block_at_a_time(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = in_two_halves(tmp_path / "whole.db", corpus)
    asked = count_texts_taken(monkeypatch)
    monkeypatch.setattr(groups_module, "LOOKUP_BLOCK", 60)
    monkeypatch.setattr(groups_module, "LOOKUP_PAIRS_TEXTS", 7)
    monkeypatch.setattr(groups_module, "REP_BLOCK", 5)
    monkeypatch.setattr(groups_module, "_PAIR_SLICE", 8)
    monkeypatch.setattr(engine, "SIGNATURE_BLOCK", 60)
    blocked = in_two_halves(tmp_path / "blocked.db", corpus)
    assert max(asked) <= 60
    assert blocked == whole
    assert sum(1 for _, rep, _ in whole[0] if rep is not None) > 20


def test_the_index_keeps_the_print_of_each_text_it_holds(corpus: Path, tmp_path: Path) -> None:
    db = open_db(tmp_path / "t.db")
    load_paths(db, [corpus], workers=1)
    rows = db.execute("select p.text, k.prints from repeat_lsh_keys k join paragraphs p on p.id = k.paragraph_id "
                      "order by k.paragraph_id").fetchall()
    db.close()
    sig = minhash.signatures(minhash.normalise_all([text for text, _ in rows]))
    expected = minhash.pack_prints(minhash.low_bytes(sig.sig), sig.shingles)
    assert len(rows) > 200
    assert [prints for _, prints in rows] == [row.tobytes() for row in expected]
    low, shingles = minhash.unpack_prints(expected)
    assert np.array_equal(low, minhash.low_bytes(sig.sig)) and np.array_equal(shingles, sig.shingles)


def test_a_later_load_reads_the_stored_prints_and_signs_only_where_there_are_none(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    signed: list[int] = []
    sign = groups_module._signed
    monkeypatch.setattr(groups_module, "_signed", lambda db, ids: (signed.append(len(ids)), sign(db, ids))[1])

    def without_prints(db: sqlite_utils.Database) -> None:
        # As a store written before prints were kept.
        db.execute("update repeat_lsh_keys set prints = null")
        db.conn.commit()
        signed.clear()

    stored = in_two_halves(tmp_path / "stored.db", corpus, between=lambda db: signed.clear())
    assert sum(signed) == 0
    older = in_two_halves(tmp_path / "older.db", corpus, between=without_prints)
    assert sum(signed) > 20
    assert older[:2] == stored[:2]


NEWSLETTER = "Sign up for our newsletter."
STORY = ("The ministry said on Tuesday that 909 bodies had been returned and that the exchange had been "
         "coordinated with the Red Cross, according to the statement published by the commission.")


def add_story(db: sqlite_utils.Database, day: int, with_story: bool = True) -> None:
    from tests.test_repeats import add_document

    add_document(db, f"2025-05-{day:02d}", [NEWSLETTER, STORY.replace("909", str(900 + day))] if with_story
                 else [NEWSLETTER])


def furniture_placed(db: sqlite_utils.Database) -> int:
    """Copies of the newsletter line placed without a group."""
    return db.execute("select count(*) from repeat_members m join paragraphs p on p.id = m.paragraph_id "
                      "where p.text = ? and m.group_id is null", [NEWSLETTER]).fetchone()[0]


def grouped_with_furniture(path: Path) -> sqlite_utils.Database:
    """A grouped store of eight stories, each page carrying the newsletter line, which is furniture."""
    db = open_db(path)
    for day in range(1, 9):
        add_story(db, day)
    update_repeats(db)
    assert furniture_placed(db) == 8
    return db


def test_placed_furniture_is_read_once_per_text_and_pairs_with_nothing(tmp_path: Path) -> None:
    db = grouped_with_furniture(tmp_path / "t.db")
    for day in range(10, 13):
        add_story(db, day)
    new = groups_module._load(db, groups_module._unplaced(db))
    placed, reps, rows = groups_module._copies(db, new)
    assert len(placed) == 8
    assert len(reps) == 0 and len(rows) == 0
    update_repeats(db)
    assert furniture_placed(db) == 11
    db.close()


def test_a_load_of_nothing_but_furniture_places_it_without_a_group(tmp_path: Path) -> None:
    db = grouped_with_furniture(tmp_path / "t.db")
    add_story(db, 20, with_story=False)
    update_repeats(db)
    assert furniture_placed(db) == 9
    assert db.execute("select count(*) from paragraphs where id not in "
                      "(select paragraph_id from repeat_members)").fetchone()[0] == 0
    db.close()


def spools_opened(monkeypatch: pytest.MonkeyPatch) -> list[spool._Backing]:
    """Every spool backing made from now on, each forced to a file."""
    opened: list[spool._Backing] = []
    backing = spool._Backing.__init__

    def remember(self: spool._Backing, *args: object, **kwargs: object) -> None:
        backing(self, *args, **kwargs)
        opened.append(self)

    monkeypatch.setattr(spool._Backing, "__init__", remember)
    monkeypatch.setattr(spool, "IN_MEMORY_BYTES", 0)
    return opened


def test_a_failed_signing_closes_its_spool_files(batch: Batch, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = spools_opened(monkeypatch)
    signatures = engine.minhash.signatures
    calls: list[int] = []

    def fail_second(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("signing failed")
        return signatures(*args, **kwargs)

    monkeypatch.setattr(engine, "SIGNATURE_BLOCK", 50)
    monkeypatch.setattr(engine.minhash, "signatures", fail_second)
    with pytest.raises(RuntimeError):
        group_batch(batch)
    files = [b.file for b in opened if b.file is not None]
    # Band keys, prints and both sentence spools (word codes of texts held in a list stay in memory).
    assert len(files) == 4 and all(f.closed for f in files)


def test_a_failed_grouping_closes_its_spool_files(batch: Batch, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = spools_opened(monkeypatch)

    def fail(*_: object) -> None:
        raise RuntimeError("scoring failed")

    monkeypatch.setattr(engine, "_matches", fail)
    with pytest.raises(RuntimeError, match="scoring failed"):
        group_batch(Batch(ids=batch.ids, texts=spool_free_texts(batch), published=batch.published, doc_ids=batch.doc_ids))
    assert opened and all(b.file is None or b.file.closed for b in opened)


def spool_free_texts(batch: Batch) -> spool.TextSource:
    """A source that is not a list, so the word codes go to a file too."""
    class Texts(spool.TextSource):
        def __len__(self) -> int:
            return len(batch.texts)

        def take(self, rows: np.ndarray) -> list[str]:
            return [batch.texts[int(r)] for r in rows]

        def lengths(self) -> np.ndarray:
            return np.fromiter(map(len, batch.texts), dtype=np.int64, count=len(batch.texts))

    return Texts()


def test_a_bucket_lookup_takes_the_first_of_each_key_by_paragraph(tmp_path: Path) -> None:
    db = open_db(tmp_path / "t.db")
    rows = [(7, pid) for pid in range(40, 0, -1)] + [(-3, 5), (-3, 2), (11, 9)]
    db.conn.executemany("insert into repeat_lsh (key, paragraph_id) values (?, ?)", rows)
    keys, ids = groups_module._buckets(db, np.array([11, 7, -3, 7, 99]), 16)
    assert keys.tolist() == [-3, -3, *[7] * 16, 11]
    assert ids.tolist() == [2, 5, *range(1, 17), 9]
    db.close()
