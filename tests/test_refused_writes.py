"""Writes the store refuses, another program holding the write lock or the database read-only: the errors say
which, and the command line names the file."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlite_utils

from store.annotations import tag_paragraph
from store.db import StoreLocked, StoreReadOnly, is_read_only
from tests.conftest import LIVE_BLOG, para
from tui.cli import main


@contextmanager
def write_lock_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write, as `BEGIN IMMEDIATE` in a second terminal."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def read_only(path: Path) -> sqlite_utils.Database:
    """The database opened read-only by SQLite itself (root writes files whatever their mode)."""
    return sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))


# -- the store ------------------------------------------------------------------------------------


def test_a_write_on_a_locked_store_raises_a_locked_error_naming_the_file(seeded, tmp_path) -> None:
    pid, _ = para(seeded, 1)
    seeded.execute("PRAGMA busy_timeout = 50")
    with write_lock_held(tmp_path / "t.db"):
        with pytest.raises(StoreLocked, match=f"{tmp_path / 't.db'}: the database is locked"):
            tag_paragraph(seeded, pid, ["kremlin"])
        assert not seeded.conn.in_transaction


def test_writes_to_a_read_only_store_raise_a_read_only_error(seeded, tmp_path) -> None:
    database = read_only(tmp_path / "t.db")
    pid, _ = para(database, 1)
    with pytest.raises(StoreReadOnly, match="read-only"):
        tag_paragraph(database, pid, ["kremlin"])


def test_read_only_is_told_from_locked_without_waiting(seeded, tmp_path) -> None:
    assert not is_read_only(seeded)
    assert is_read_only(read_only(tmp_path / "t.db"))
    with write_lock_held(tmp_path / "t.db"):
        started = time.monotonic()
        assert not is_read_only(seeded)
        assert time.monotonic() - started < 0.5
    assert seeded.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


# -- the command line --------------------------------------------------------------------------------


@pytest.fixture
def dbpath(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "load", str(LIVE_BLOG), "-q"]) == 0
    return path


def test_the_command_line_names_the_locked_database(dbpath, capsys, monkeypatch) -> None:
    import store.db as db_module

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    with write_lock_held(dbpath):
        code = main(["--db", str(dbpath), "tag", LIVE_BLOG.stem, "1", "casualties"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"tearsheet: {dbpath}: the database is locked by another program")


def test_the_command_line_names_the_read_only_database(dbpath, capsys, monkeypatch) -> None:
    import tui.cli

    monkeypatch.setattr(tui.cli, "open_db", lambda path: read_only(Path(path)))
    for command in (["tag", LIVE_BLOG.stem, "1", "casualties"], ["load", "--refresh", str(LIVE_BLOG)],
                    ["dupes", "--threshold", "80"]):
        code = main(["--db", str(dbpath), *command])
        err = capsys.readouterr().err
        assert code == 1, command
        assert f"tearsheet: {dbpath}: the database is read-only" in err, command
