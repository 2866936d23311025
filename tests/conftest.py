from __future__ import annotations

from pathlib import Path

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
def seeded(tmp_path: Path) -> sqlite_utils.Database:
    """A real database file loaded from copies of the seeds (so tests may edit them)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    database = open_db(tmp_path / "tearsheet.db")
    report = load_paths(database, [folder])
    assert report.ok, report.errors
    yield database
    database.close()


def doc_id(db: sqlite_utils.Database, stem: str) -> int:
    return db.execute("select id from documents where stem = ?", [stem]).fetchone()[0]
