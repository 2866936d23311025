"""What the Library's filter, document names and the figures' counted filter match: user text, taken literally."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from store.db import open_db
from store.figure_list import figures
from store.load import load_paths
from store.queries import count_documents, documents, resolve_doc

ARTICLES = {
    "a_percent.txt": "Prices rose 50% in May\n\nInflation ran at 50% in the capital, officials said.",
    "a2_money.txt": "Fund raises $50.0 million\n\nThe fund raised $50.0 million from 12 investors.",
    "ab_plain.txt": "Talks resume in Istanbul\n\nDelegations met for three hours.",
}


@pytest.fixture
def library(tmp_path: Path) -> sqlite_utils.Database:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    database = open_db(tmp_path / "q.db")
    load_paths(database, [folder])
    yield database
    database.close()


def titles(db: sqlite_utils.Database, text: str) -> list[str]:
    return sorted(d.display_title for d in documents(db, text=text))


@pytest.mark.parametrize(("text", "expected"), [
    ("%", ["Prices rose 50% in May"]),
    ("50%", ["Prices rose 50% in May"]),
    ("_", []),
    ("50.0", ["Fund raises $50.0 million"]),
    ("\\", []),
])
def test_the_library_filter_takes_percent_and_underscore_literally(library, text: str, expected: list[str]) -> None:
    assert titles(library, text) == expected
    assert count_documents(library, text=text) == len(expected)


def test_a_name_prefix_takes_underscore_literally(library) -> None:
    assert resolve_doc(library, "a_") == resolve_doc(library, "a_percent")


def test_the_counted_filter_takes_percent_literally(library) -> None:
    assert all("%" in (row.figure.counted or "") for row in figures(library, counted="%"))
