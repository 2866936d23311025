"""Writes the store refuses, another program holding the write lock or the database read-only: the reader says
what was not saved and why and keeps what was typed, the command line names the file."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import pytest
import sqlite_utils
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from store.annotations import annotations_of_document, tag_paragraph
from store.db import StoreLocked, StoreReadOnly, is_read_only
from store.queries import document, remember_position, set_read
from store.load import load_paths
from tests.conftest import AGGREGATOR, LIVE_BLOG, para
from tui.app import CHANGED_NOW, LOCKED_NOW, READ_ONLY_NOW, TearsheetApp
from tui.cli import main
from tui.screens.article import ArticleScreen
from tui.screens.note_modal import NoteModal
from tui.screens.tag_modal import TagModal
from tui.saving import PATIENCE


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


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_first_article(pilot) -> ArticleScreen:
    pilot.app.screen.query_one(DataTable).move_cursor(row=0)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen


@asynccontextmanager
async def article_open(db: sqlite_utils.Database) -> AsyncIterator[tuple[TearsheetApp, Pilot, ArticleScreen]]:
    """The reader at 100x30 with the first article of the library open."""
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        yield app, pilot, await open_first_article(pilot)


ABOUT = re.compile(r"^(?:“[^”]*”(?:, “[^”]*”)* )?on ¶\d+: ")
"""What a refused tag or note says first: which tags, on which paragraph."""


def errors(app: TearsheetApp) -> list[tuple[str, str]]:
    """(title, why) of each error shown, without the tags and paragraph it names first."""
    return [(n.title, ABOUT.sub("", n.message)) for n in app._notifications if n.severity == "error"]


# -- the store ------------------------------------------------------------------------------------


def test_reading_state_writes_on_a_locked_store_raise_a_locked_error_naming_the_file(seeded, tmp_path) -> None:
    pid, _ = para(seeded, 1)
    doc = seeded.execute("select doc_id from paragraphs where id = ?", [pid]).fetchone()[0]
    seeded.execute("PRAGMA busy_timeout = 50")
    with write_lock_held(tmp_path / "t.db"):
        for write in (lambda: set_read(seeded, doc), lambda: remember_position(seeded, doc, 3),
                      lambda: tag_paragraph(seeded, pid, ["kremlin"])):
            with pytest.raises(StoreLocked, match=f"{tmp_path / 't.db'}: the database is locked"):
                write()
            assert not seeded.conn.in_transaction


def test_writes_to_a_read_only_store_raise_a_read_only_error(seeded, tmp_path) -> None:
    database = read_only(tmp_path / "t.db")
    pid, _ = para(database, 1)
    with pytest.raises(StoreReadOnly, match="read-only"):
        set_read(database, 1)
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


# -- the reader, another program holding the write lock --------------------------------------------


async def test_opening_an_article_while_another_program_writes_neither_crashes_nor_waits_out_the_timeout(
    seeded, tmp_path
) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with write_lock_held(tmp_path / "t.db"):
            started = time.monotonic()
            article = await open_first_article(pilot)
            await pilot.press("j")
            await pilot.pause(0.6)
            await settle(pilot)
            waited = time.monotonic() - started
            assert app.is_running and app.screen is article
            assert errors(app) == []
            assert not document(seeded, article.doc_id).read
        assert waited < 3.0
    assert app.return_code in (None, 0)


async def waiting(pilot, seconds: float = 0.4) -> float:
    """Let the reader run while a save waits for another program; how long that took (a frozen UI thread
    would take the whole wait)."""
    started = time.monotonic()
    await pilot.pause(seconds)
    return time.monotonic() - started


async def test_a_tag_saved_while_another_program_writes_waits_in_its_dialog_and_lands_when_it_is_done(
    seeded, tmp_path
) -> None:
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            started = time.monotonic()
            await pilot.press("t", *"casualties", "enter")
            await waiting(pilot, 1.0)
            assert time.monotonic() - started < 3.0
            assert isinstance(app.screen, TagModal)
            field = app.screen.query_one(Input)
            assert field.value == "casualties" and field.disabled
            assert "Waiting for another program" in str(app.screen.query_one("#tag-help").render())
            assert [n.title for n in app._notifications] == ["Tag: waiting"]
            await pilot.press("x")
            assert field.value == "casualties"
        await settle(pilot)
        assert app.screen is article
        assert errors(app) == []
        assert [a.tags for a in annotations_of_document(seeded, article.doc_id)] == [["casualties"]]
        assert article.cursor_view().tags == ["casualties"]


async def test_escape_stops_a_tag_waiting_for_another_program_and_says_it_was_not_saved(seeded, tmp_path) -> None:
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("t", *"casualties", "enter")
            await waiting(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is article
            assert errors(app) == [("Tag not saved", LOCKED_NOW)]
            assert "try again in a moment" in LOCKED_NOW
            assert [n.message for n in app._notifications][-1].startswith(f"“casualties” on ¶{article.cursor_view().n}: ")
        assert annotations_of_document(seeded, article.doc_id) == []


async def test_a_note_refused_while_another_program_writes_stays_open_even_when_quitting(
    seeded, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr("tui.saving.PATIENCE", 0.5)
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("a", *"Check the MoD figure", "escape")
            await settle(pilot)
            assert isinstance(app.screen, NoteModal)
            assert not app.screen.query_one(TextArea).read_only
            await pilot.press("ctrl+q")
            await settle(pilot)
            assert app.is_running and isinstance(app.screen, NoteModal)
            assert app.screen.query_one(TextArea).text == "Check the MoD figure"
            assert errors(app) == [("Note not saved", LOCKED_NOW)] * 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is article
        assert [a.note for a in annotations_of_document(seeded, article.doc_id)] == ["Check the MoD figure"]


async def test_quitting_while_a_note_waits_for_another_program_quits_once_it_is_saved(seeded, tmp_path) -> None:
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("a", *"Ask the MoD", "escape")
            await waiting(pilot)
            await pilot.press("ctrl+q")
            assert await waiting(pilot) < 2.0
            assert app.is_running and isinstance(app.screen, NoteModal)
            assert app.screen.query_one(TextArea).read_only
            assert any(n.message.startswith("Quitting once") for n in app._notifications)
        await settle(pilot)
        await pilot.pause(0.2)
        assert not app.is_running
    assert app.return_code in (None, 0)
    assert [a.note for a in annotations_of_document(seeded, article.doc_id)] == ["Ask the MoD"]


async def test_quitting_twice_while_a_tag_waits_for_another_program_quits_without_it_at_once(seeded, tmp_path) -> None:
    async with article_open(seeded) as (app, pilot, article):
        first = article.cursor_view().id
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("full_stop")
            await waiting(pilot)
            await pilot.press("q")
            await waiting(pilot, 0.2)
            assert app.is_running
            assert any("quit again to stop waiting" in n.message for n in app._notifications)
            started = time.monotonic()
            await pilot.press("q")
            while app.is_running and time.monotonic() - started < 5:
                await waiting(pilot, 0.05)
            assert not app.is_running and time.monotonic() - started < 2.0
    assert [(a.paragraph_id, a.tags) for a in annotations_of_document(seeded, article.doc_id)] == [(first, ["casualties"])]
    [lost] = app.lost_on_quit
    assert lost.startswith("tag not saved: “casualties” on ¶") and lost.endswith(LOCKED_NOW)


async def test_quitting_twice_while_a_note_waits_stops_waiting_and_keeps_the_dialog_with_the_note(
    seeded, tmp_path
) -> None:
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("a", *"Ask the MoD", "escape")
            await waiting(pilot)
            await pilot.press("ctrl+q")
            await waiting(pilot, 0.2)
            await pilot.press("ctrl+q")
            for _ in range(40):
                if errors(app):
                    break
                await waiting(pilot, 0.05)
            assert errors(app) == [("Note not saved", LOCKED_NOW)]
            await waiting(pilot, 0.2)
            assert app.is_running and isinstance(app.screen, NoteModal)
            assert "Stopped waiting: the dialog keeps what you typed." in [n.message for n in app._notifications]
            assert "Quitting without waiting for another program." not in [n.message for n in app._notifications]
            assert app.lost_on_quit == []
            assert app.screen.query_one(TextArea).text == "Ask the MoD"
            assert not app.screen.query_one(TextArea).read_only
        assert annotations_of_document(seeded, article.doc_id) == []


async def test_tags_and_an_undo_asked_for_while_another_program_writes_land_in_the_order_asked(seeded, tmp_path) -> None:
    async with article_open(seeded) as (app, pilot, article):
        first = article.cursor_view().id
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("full_stop", "full_stop", "u")
            await waiting(pilot)
            assert app.screen is article and article.query_one("#paragraphs").highlighted == 2
            assert len(annotations_of_document(seeded, article.doc_id)) == 1
        await settle(pilot)
        tagged = annotations_of_document(seeded, article.doc_id)
        assert [(a.paragraph_id, a.tags) for a in tagged] == [(first, ["casualties"])]
        assert [n.message for n in app._notifications][-1].startswith("Undone: ")
        assert errors(app) == []


async def test_an_undo_asked_for_after_a_tag_that_was_not_saved_undoes_nothing_older(
    seeded, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr("tui.saving.PATIENCE", 0.5)
    async with article_open(seeded) as (app, pilot, article):
        first = article.cursor_view().id
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("full_stop", "u")
            for _ in range(60):
                if errors(app):
                    break
                await waiting(pilot, 0.05)
            assert errors(app) == [("Tag not saved", LOCKED_NOW)]
        await settle(pilot)
        tagged = annotations_of_document(seeded, article.doc_id)
        assert [(a.paragraph_id, a.tags) for a in tagged] == [(first, ["casualties"])]
        assert [n.message for n in app._notifications][-1] == "Nothing undone: the tag was not saved"


# -- the reader on a read-only database ------------------------------------------------------------


async def test_a_read_only_database_is_announced_once_and_reading_works(seeded, tmp_path) -> None:
    app = TearsheetApp(read_only(tmp_path / "t.db"), resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        [notice] = list(app._notifications)
        assert notice.severity == "warning" and "t.db is read-only" in notice.message
        assert "tags, notes" in notice.message
        article = await open_first_article(pilot)
        await pilot.press("j", "j")
        await pilot.pause(0.6)
        await settle(pilot)
        assert app.is_running and app.screen is article and len(article.shown) > 2
        assert len(app._notifications) == 1


async def test_every_write_refused_by_a_read_only_database_is_reported_and_nothing_typed_is_lost(seeded, tmp_path) -> None:
    tag_paragraph(seeded, para(seeded, 2)[0], ["earlier"])
    app = TearsheetApp(read_only(tmp_path / "t.db"), resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert errors(app) == [("Read mark not saved", READ_ONLY_NOW)]
        article = await open_first_article(pilot)
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TagModal) and app.screen.query_one(Input).value == "casualties"
        await pilot.press("escape", "a", *"Ask the MoD", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NoteModal) and app.screen.query_one(TextArea).text == "Ask the MoD"
        await pilot.press("ctrl+g", "u")
        await settle(pilot)
        assert app.screen is article
        titles = [title for title, _ in errors(app)]
        assert titles == ["Read mark not saved", "Tag not saved", "Note not saved", "Undo not saved"]
        assert {message for _, message in errors(app)} == {READ_ONLY_NOW}
        assert "tags and notes can't be saved" in READ_ONLY_NOW
        await pilot.press("q")
    assert app.return_code in (None, 0)


async def test_a_tag_the_store_cannot_hold_keeps_the_dialog_and_says_why(seeded) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_first_article(pilot)
        await pilot.press("t", *"left;right", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TagModal) and app.screen.query_one(Input).value == "left;right"
        [(title, message)] = errors(app)
        assert title == "Tag not saved" and "cannot hold ';'" in message


async def test_a_tag_or_note_on_an_article_loaded_again_meanwhile_is_refused_not_put_on_another_text(
    seeded, folder: Path
) -> None:
    async with article_open(seeded) as (app, pilot, screen):
        await pilot.press("j", "t", *"swap", "enter", "k")
        await settle(pilot)
        swap_text = screen.shown[1].text
        assert screen.cursor_view().text.startswith("Moscow and Kiev have exchanged")
        page = folder / AGGREGATOR.name
        page.write_text(page.read_text(encoding="utf-8").replace(
            "Moscow and Kiev have exchanged", "UPDATE: the swap was confirmed on Friday.\n\nMoscow and Kiev have exchanged", 1),
            encoding="utf-8")
        assert load_paths(seeded, [folder]).ok
        await pilot.press("full_stop")
        await settle(pilot)
        await pilot.press("k", "t", *"swap", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TagModal) and app.screen.query_one(Input).value == "swap"
        await pilot.press("escape", "a", *"check the date", "escape")
        await settle(pilot)
        assert isinstance(app.screen, NoteModal)
        assert errors(app) == [("Tag not saved", CHANGED_NOW), ("Tag not saved", CHANGED_NOW), ("Note not saved", CHANGED_NOW)]
        assert [(a.tags, a.note, a.text) for a in annotations_of_document(seeded, screen.doc_id)] == [
            (["swap"], None, swap_text)]


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


def test_a_database_in_a_folder_that_cannot_be_written_opens_for_reading(dbpath, capsys) -> None:
    """A WAL file on a read-only folder or medium: SQLite cannot make its -shm beside it. A dangling link in the
    -shm's place refuses it the same way, even to root."""
    assert not dbpath.with_name("cli.db-shm").exists()
    dbpath.with_name("cli.db-shm").symlink_to(dbpath.parent / "no-such-folder" / "shm")
    code, out = main(["--db", str(dbpath), "docs"]), capsys.readouterr().out
    assert code == 0 and "Over 107,000 Russian soldiers" in out
    code = main(["--db", str(dbpath), "tag", LIVE_BLOG.stem, "1", "casualties"])
    assert code == 1
    assert f"tearsheet: {dbpath}: the database is read-only" in capsys.readouterr().err


def test_a_read_only_folder_holding_unsaved_changes_in_its_wal_is_refused_not_read_without_them(
    dbpath, tmp_path, capsys
) -> None:
    import shutil

    writer = sqlite3.connect(dbpath, isolation_level=None)
    writer.execute("pragma wal_autocheckpoint = 0")
    writer.execute("update documents set title = 'Retitled' where id = 1")
    copy = tmp_path / "share" / "cli.db"
    copy.parent.mkdir()
    shutil.copy(dbpath, copy)
    shutil.copy(dbpath.with_name("cli.db-wal"), copy.with_name("cli.db-wal"))
    writer.close()
    assert copy.with_name("cli.db-wal").stat().st_size
    copy.with_name("cli.db-shm").symlink_to(tmp_path / "no-such-folder" / "shm")
    code = main(["--db", str(copy), "docs"])
    assert code == 1
    err = capsys.readouterr().err
    assert f"tearsheet: {copy}: its folder cannot be written, and its latest changes are still in cli.db-wal" in err


def test_a_new_database_that_cannot_be_made_says_where_and_why(tmp_path, capsys) -> None:
    (tmp_path / "cli.db-shm").symlink_to(tmp_path / "no-such-folder" / "shm")
    code = main(["--db", str(tmp_path / "cli.db"), "load", str(LIVE_BLOG), "-q"])
    assert code == 1
    assert capsys.readouterr().err.startswith(f"tearsheet: {tmp_path / 'cli.db'}: cannot open or create the database")


async def test_a_save_landing_while_the_palette_is_over_its_dialog_closes_the_dialog_not_the_palette(
    seeded, tmp_path
) -> None:
    from textual.command import CommandPalette

    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("t", *"casualties", "enter")
            await waiting(pilot)
            await pilot.press("ctrl+p")
            await waiting(pilot)
            assert isinstance(app.screen, CommandPalette)
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert any(isinstance(s, TagModal) for s in app.screen_stack)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is article and not any(isinstance(s, TagModal) for s in app.screen_stack)
        assert [a.tags for a in annotations_of_document(seeded, article.doc_id)] == [["casualties"]]


async def test_a_save_landing_after_its_article_was_closed_does_not_draw_in_it(seeded, tmp_path) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_first_article(pilot)
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        await pilot.press("slash", *"Kiev")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        second = app.screen
        assert isinstance(second, ArticleScreen)
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("full_stop")
            await waiting(pilot)
            await pilot.press("escape")
            await waiting(pilot)
        await settle(pilot)
        assert app.is_running and second not in app.screen_stack
        assert errors(app) == []


# -- what the reader shows while a save waits, and when it lands ----------------------------------


def notices(app: TearsheetApp) -> list[tuple[str, str]]:
    """(title, message) of each notice still up."""
    return [(n.title, n.message) for n in app._notifications if not n.has_expired]


def titled(app: TearsheetApp, title: str) -> list[str]:
    return [message for t, message in notices(app) if t == title]


async def test_a_tag_dialog_waiting_for_another_program_says_so_until_the_tag_lands_then_says_it_landed(
    seeded, tmp_path
) -> None:
    async with article_open(seeded) as (app, pilot, article):
        n = article.cursor_view().n
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("t", *"casualties", "enter")
            await waiting(pilot, 1.0)
            assert isinstance(app.screen, TagModal)
            assert "Waiting for another program" in str(app.screen.query_one("#tag-help").render())
            [waits] = titled(app, "Tag: waiting")
            assert waits.startswith(f"“casualties” on ¶{n}: ")
            [notice] = [x for x in app._notifications if x.title == "Tag: waiting"]
            assert notice.timeout >= PATIENCE
        await settle(pilot)
        assert app.screen is article
        assert titled(app, "Tag: waiting") == []
        assert titled(app, "Tag saved") == [f"“casualties” on ¶{n}, once the other program was done"]
        assert errors(app) == []


async def test_a_repeated_tag_waiting_without_a_dialog_is_said_as_long_as_it_waits_and_when_it_lands(
    seeded, tmp_path
) -> None:
    async with article_open(seeded) as (app, pilot, article):
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        await pilot.press("j")
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("full_stop")
            await waiting(pilot, 1.0)
            [notice] = [x for x in app._notifications if x.title == "Tag: waiting"]
            assert notice.timeout >= PATIENCE and not notice.has_expired
        await settle(pilot)
        assert titled(app, "Tag: waiting") == []
        [landed] = titled(app, "Tag saved")
        assert landed.startswith("“casualties” on ¶")
        assert [a.tags for a in annotations_of_document(seeded, article.doc_id)] == [["casualties"], ["casualties"]]


async def test_a_note_waiting_for_another_program_says_so_in_its_editor(seeded, tmp_path) -> None:
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("a", *"Ask the MoD", "escape")
            await waiting(pilot, 1.0)
            assert isinstance(app.screen, NoteModal)
            assert "Waiting for another program" in str(app.screen.query_one("#note-help").render())
        await settle(pilot)
        assert app.screen is article
        assert titled(app, "Note: waiting") == [] and len(titled(app, "Note saved")) == 1


async def test_a_save_that_waits_for_another_program_and_is_refused_withdraws_its_waiting_notice(
    seeded, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr("tui.saving.PATIENCE", 1.0)
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("t", *"casualties", "enter")
            for _ in range(60):
                if errors(app):
                    break
                await waiting(pilot, 0.05)
            await pilot.pause()
            assert errors(app) == [("Tag not saved", LOCKED_NOW)]
            assert titled(app, "Tag: waiting") == [] and titled(app, "Tag saved") == []
            assert isinstance(app.screen, TagModal)
            assert "Tags now" in str(app.screen.query_one("#tag-help").render())


async def test_a_save_kept_waiting_only_a_moment_says_nothing_about_waiting(seeded, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("tui.saving.SAY_WAITING_AFTER", 5.0)
    async with article_open(seeded) as (app, pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            await pilot.press("t", *"casualties", "enter")
            await waiting(pilot, 0.5)
            assert "Saving" in str(app.screen.query_one("#tag-help").render())
        await settle(pilot)
        assert app.screen is article
        assert titled(app, "Tag: waiting") == [] and titled(app, "Tag saved") == []


async def test_a_reading_position_waiting_for_another_program_leaves_the_connection_to_the_screen(
    seeded, tmp_path
) -> None:
    """The position is written in a worker, but its wait held the connection the screen reads through."""
    from store.queries import remember_position

    async with article_open(seeded) as (app, _pilot, article):
        with write_lock_held(tmp_path / "t.db"):
            saver = threading.Thread(target=app.save_quietly,
                                     args=("Reading position", remember_position, article.doc_id, 2))
            saver.start()
            time.sleep(0.05)
            started = time.monotonic()
            app.store(lambda db: db.execute("select count(*) from paragraphs").fetchone())
            read_in = time.monotonic() - started
            saver.join()
        assert read_in < 0.15
