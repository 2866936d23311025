from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import sqlite_utils

from store.db import open_db
from store.load import load_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIVE_BLOG = SEEDS / "000_f7ba2992e29d3270.txt"
AGGREGATOR = SEEDS / "003_7f94f20fc10e6d5d.txt"


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "tearsheet.db")
    yield database
    database.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Copies of the seeds, so a test may edit them and load again."""
    target = tmp_path / "articles"
    target.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (target / seed.name).write_bytes(seed.read_bytes())
    return target


@pytest.fixture
def seeded(tmp_path: Path, folder: Path) -> sqlite_utils.Database:
    """A real database file (`t.db`; some tests open it again by path) loaded from the copies."""
    database = open_db(tmp_path / "t.db")
    report = load_paths(database, [folder])
    assert report.ok, report.errors
    yield database
    database.close()


@pytest.fixture
def store(seeded: sqlite_utils.Database) -> sqlite_utils.Database:
    return seeded


def doc_id(db: sqlite_utils.Database, stem: str) -> int:
    return db.execute("select id from documents where stem = ?", [stem]).fetchone()[0]


def doc(db: sqlite_utils.Database, stem: str = LIVE_BLOG.stem) -> int:
    return doc_id(db, stem)


def para(db: sqlite_utils.Database, n: int, stem: str = LIVE_BLOG.stem) -> tuple[int, str]:
    return db.execute("select id, text from paragraphs where doc_id = ? and n = ?", [doc(db, stem), n]).fetchone()


def lsh_pairs(db: sqlite_utils.Database) -> set[tuple[int, int]]:
    """(band key, paragraph id) rows of the repeat index."""
    return {tuple(row) for row in db.execute("select key, paragraph_id from repeat_lsh")}


def packed_lsh_pairs(db: sqlite_utils.Database) -> set[tuple[int, int]]:
    """The same pairs as unpacked from repeat_lsh_keys, one blob of int64 keys per paragraph."""
    return {
        (key, pid)
        for pid, blob in db.execute("select paragraph_id, keys from repeat_lsh_keys")
        for key in np.frombuffer(blob, dtype=np.int64).tolist()
    }


def write_zebra_articles(folder: Path, articles: int = 25, per_article: int = 10) -> int:
    """Articles whose paragraphs each say "zebra" once in as many words, so every one ranks alike: the
    order of the hits rests on the tiebreak alone. Returns how many paragraphs match."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in range(articles):
        blocks = [f"Harbour report {a}"]
        blocks += [f"Residents saw a zebra near block {a * per_article + p} on a quiet morning." for p in range(per_article)]
        (folder / f"zebra_{a:03}.txt").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return articles * per_article


@pytest.fixture
def zebras(tmp_path: Path) -> sqlite_utils.Database:
    """A real database file (`z.db`) with 250 paragraphs matching "zebra"."""
    write_zebra_articles(tmp_path / "zebras")
    database = open_db(tmp_path / "z.db")
    report = load_paths(database, [tmp_path / "zebras"])
    assert report.ok, report.errors
    yield database
    database.close()
