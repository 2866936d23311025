"""Tags, notes, figures and undo, on the seed articles loaded through the real loader."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlite_utils

from store.annotations import (
    annotations_of_document, discard, known_tags, last_tag, narrowed_tags, orphaned, paragraphs_with_tag, set_note,
    tag_by_reference, tag_figure, tag_paragraph, tags_with_counts, undo, untag_by_reference, untag_figure,
    untag_paragraph,
)
from store.db import StoreError, open_db

from tests.conftest import doc, para

ROOT = Path(__file__).resolve().parents[1]
LIVE_BLOG = "000_f7ba2992e29d3270"
AGGREGATOR = "003_7f94f20fc10e6d5d"


def test_tags_are_normalised_and_unique_in_any_case(store: sqlite_utils.Database) -> None:
    pid, _ = para(store, 3)
    a = tag_paragraph(store, pid, ["  Kursk  Oblast ", "casualties", "CASUALTIES", ""])
    assert a.tags == ["Kursk Oblast", "casualties"]
    assert tag_paragraph(store, pid, ["kursk oblast"]).tags == ["Kursk Oblast", "casualties"]
    other, _ = para(store, 4)
    assert tag_paragraph(store, other, ["KURSK OBLAST"]).tags == ["Kursk Oblast"]
    assert tag_paragraph(store, other, ["Потери"]).tags == ["Kursk Oblast", "Потери"]
    assert tag_paragraph(store, pid, ["потери"]).tags == ["Kursk Oblast", "casualties", "Потери"]
    assert tags_with_counts(store) == [("Kursk Oblast", 2), ("Потери", 2), ("casualties", 1)]


def test_tagging_is_idempotent_and_one_annotation_per_paragraph(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 5)
    first = tag_paragraph(store, pid, ["nato"])
    again = tag_paragraph(store, pid, ["nato"])
    assert first.id == again.id and again.tags == ["nato"]
    assert again.n == 5 and again.text == text and again.figure_text is None and not again.orphaned
    assert len(annotations_of_document(store, doc(store))) == 1
    assert undo(store) == "untagged ¶5 'nato'"
    assert undo(store) is None


def test_untag_leaves_nothing_behind(store: sqlite_utils.Database) -> None:
    pid, _ = para(store, 2)
    tag_paragraph(store, pid, ["hungary", "spying"])
    assert untag_paragraph(store, pid, ["HUNGARY"]).tags == ["spying"]
    assert untag_paragraph(store, pid, ["spying"]) is None
    assert annotations_of_document(store, doc(store)) == []
    assert store.execute("select count(*) from annotation_tags").fetchone()[0] == 0
    assert untag_paragraph(store, pid, ["never there"]) is None


def test_bad_input_is_refused_with_a_message(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 2)
    with pytest.raises(StoreError, match="no tag"):
        tag_paragraph(store, pid, ["  "])
    with pytest.raises(StoreError, match="';'"):
        tag_paragraph(store, pid, ["a; b"])
    with pytest.raises(StoreError, match="not valid UTF-8"):
        tag_paragraph(store, pid, ["bad \udcff byte"])
    with pytest.raises(StoreError, match="note holds bytes"):
        set_note(store, pid, "\udcff")
    with pytest.raises(StoreError, match="outside"):
        tag_figure(store, pid, 5, len(text) + 1, ["x"])
    with pytest.raises(StoreError, match="no paragraph"):
        tag_paragraph(store, 10**9, ["x"])
    hidden = store.execute("select id from paragraphs where kind = 'boilerplate' limit 1").fetchone()[0]
    with pytest.raises(StoreError):
        tag_paragraph(store, hidden, ["x"])
    assert store.execute("select count(*) from annotations").fetchone()[0] == 0


def test_figures_carry_their_own_tags(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 16)
    start = text.index("2,857")
    fig = tag_figure(store, pid, start, start + 5, ["toll"])
    assert (fig.figure_start, fig.figure_end, fig.figure_text, fig.quote) == (start, start + 5, "2,857", "2,857")
    whole = tag_paragraph(store, pid, ["mediazona"])
    assert whole.id != fig.id
    assert [a.figure_text for a in annotations_of_document(store, doc(store))] == [None, "2,857"]
    assert untag_figure(store, pid, start, start + 5, ["toll"]) is None
    assert [a.tags for a in annotations_of_document(store, doc(store))] == [["mediazona"]]


def test_notes_set_change_and_clear(store: sqlite_utils.Database) -> None:
    pid, _ = para(store, 7)
    assert set_note(store, pid, "Trump on the talks").note == "Trump on the talks"
    assert set_note(store, pid, "Trump, again").note == "Trump, again"
    tag_paragraph(store, pid, ["trump"])
    assert set_note(store, pid, "").note is None
    assert set_note(store, pid, None).tags == ["trump"]
    untag_paragraph(store, pid, ["trump"])
    assert set_note(store, pid, "   ") is None
    assert annotations_of_document(store, doc(store)) == []
    fig_pid, text = para(store, 10)
    start = text.index("May 15")
    assert set_note(store, fig_pid, "date of the talks", start=start, end=start + 6).figure_text == "May 15"


def test_undo_walks_back_every_change(store: sqlite_utils.Database) -> None:
    pid, text = para(store, 3)
    tag_paragraph(store, pid, ["casualties"])
    tag_paragraph(store, pid, ["kursk"])
    set_note(store, pid, "three injured")
    set_note(store, pid, "3 injured")
    untag_paragraph(store, pid, ["casualties", "kursk"])
    set_note(store, pid, None)
    start = text.index("May 11")
    tag_figure(store, pid, start, start + 6, ["date"])
    assert annotations_of_document(store, doc(store))[0].figure_text == "May 11"
    steps = [undo(store) for _ in range(8)]
    assert steps == [
        "untagged 'May 11' in ¶3 'date'",
        "noted ¶3",
        "tagged ¶3 'casualties', 'kursk'",
        "changed the note on ¶3",
        "removed the note on ¶3",
        "untagged ¶3 'kursk'",
        "untagged ¶3 'casualties'",
        None,
    ]
    assert annotations_of_document(store, doc(store)) == []


def test_undo_restores_a_deleted_annotation_under_its_id(store: sqlite_utils.Database) -> None:
    pid, _ = para(store, 3)
    made = tag_paragraph(store, pid, ["casualties"])
    set_note(store, pid, "keep me")
    untag_paragraph(store, pid, ["casualties"])
    set_note(store, pid, None)
    assert annotations_of_document(store, doc(store)) == []
    assert undo(store) == "noted ¶3"
    assert undo(store) == "tagged ¶3 'casualties'"
    [back] = annotations_of_document(store, doc(store))
    assert (back.id, back.tags, back.note, back.paragraph_id, back.created_at) == (
        made.id, ["casualties"], "keep me", pid, made.created_at)


def test_undo_works_after_a_restart(store: sqlite_utils.Database, tmp_path: Path) -> None:
    tag_by_reference(store, LIVE_BLOG, 4, ["zelensky"], note="waits for Putin")
    store.close()
    reopened = open_db(tmp_path / "t.db")
    assert last_tag(reopened) == "zelensky"
    assert undo(reopened) == "untagged ¶4 'zelensky'; removed the note on ¶4"
    assert annotations_of_document(reopened, doc(reopened)) == []
    reopened.close()


def test_by_reference_uses_stem_or_id_and_reading_number(store: sqlite_utils.Database) -> None:
    a = tag_by_reference(store, AGGREGATOR, 2, ["909 bodies"], note="returned")
    assert (a.doc_id, a.n, a.tags, a.note) == (doc(store, AGGREGATOR), 2, ["909 bodies"], "returned")
    b = tag_by_reference(store, str(doc(store, AGGREGATOR)), 2, ["swap"])
    assert b.id == a.id and b.tags == ["909 bodies", "swap"] and b.note == "returned"
    assert untag_by_reference(store, AGGREGATOR, 2, ["909 BODIES"]).tags == ["swap"]
    with pytest.raises(StoreError, match="no paragraph 99"):
        tag_by_reference(store, AGGREGATOR, 99, ["x"])
    with pytest.raises(StoreError, match="no document"):
        tag_by_reference(store, "nope", 1, ["x"])


def test_browsing_tags(store: sqlite_utils.Database) -> None:
    p3, _ = para(store, 3)
    p16, text = para(store, 16)
    p1_agg, _ = para(store, 1, AGGREGATOR)
    tag_paragraph(store, p3, ["casualties"])
    start = text.index("2,857")
    tag_figure(store, p16, start, start + 5, ["Casualties", "count"])
    tag_paragraph(store, p1_agg, ["casualties", "exchange"])
    assert tags_with_counts(store) == [("casualties", 3), ("count", 1), ("exchange", 1)]
    assert known_tags(store, "C") == ["casualties", "count"]
    assert known_tags(store, "ex") == ["exchange"]
    assert known_tags(store, "", limit=1) == ["casualties"]
    assert last_tag(store) == "exchange"
    hits = paragraphs_with_tag(store, "CASUALTIES")
    assert [(h.doc_id, h.n, h.figure_text) for h in hits] == [
        (doc(store, AGGREGATOR), 1, None), (doc(store), 3, None), (doc(store), 16, "2,857")]
    assert hits[0].title == "Moscow and Kiev exchange remains of fallen soldiers"
    assert hits[2].text == text and hits[2].position is not None
    assert [h.n for h in paragraphs_with_tag(store, "casualties", limit=1, offset=1)] == [3]


def test_narrowing_tags_puts_those_starting_with_the_text_first_in_the_order_given() -> None:
    counts = [("Kyiv-strikes", 4), ("energy", 3), ("peace in Kyiv", 2), ("ceasefire-talks", 2), ("kyiv", 1)]
    assert narrowed_tags(counts, "KY") == [("Kyiv-strikes", 4), ("kyiv", 1), ("peace in Kyiv", 2)]
    assert narrowed_tags(counts, " in  kyiv ") == [("peace in Kyiv", 2)]
    assert narrowed_tags(counts, "") == counts
    assert narrowed_tags(counts, "xyz") == []
    assert narrowed_tags([("Straße", 1)], "STRASSE") == [("Straße", 1)]


def test_discarding_an_orphan_is_undoable(store: sqlite_utils.Database) -> None:
    pid, _ = para(store, 9)
    a = tag_paragraph(store, pid, ["murder-suicide"])
    store.execute("update annotations set paragraph_id = null, orphaned = 1 where id = ?", [a.id])
    store.conn.commit()
    assert [o.id for o in orphaned(store)] == [a.id]
    discard(store, a.id)
    assert orphaned(store) == []
    assert undo(store) == "tagged ¶9 'murder-suicide'"
    assert orphaned(store) == [] and annotations_of_document(store, doc(store))[0].paragraph_id == pid


def test_each_change_is_committed_at_once(store: sqlite_utils.Database, tmp_path: Path) -> None:
    pid, _ = para(store, 6)
    tag_paragraph(store, pid, ["victory day"])
    assert not store.conn.in_transaction
    other = sqlite_utils.Database(tmp_path / "t.db")
    assert other.execute("select tag from annotation_tags").fetchall() == [("victory day",)]
    other.close()


def test_a_confirmed_tag_survives_a_kill(store: sqlite_utils.Database, tmp_path: Path) -> None:
    pid, _ = para(store, 12)
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from store.db import open_db
        from store.annotations import tag_paragraph
        db = open_db({str(tmp_path / "t.db")!r})
        tag_paragraph(db, {pid}, ["erdogan"])
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()
    assert [a.tags for a in annotations_of_document(store, doc(store))] == [["erdogan"]]


def test_a_busy_store_is_waited_for_then_reported(store: sqlite_utils.Database, tmp_path: Path) -> None:
    import sqlite3
    import threading

    pid, _ = para(store, 11)
    other = sqlite3.connect(tmp_path / "t.db", check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, other.rollback).start()
    assert tag_paragraph(store, pid, ["kremlin"]).tags == ["kremlin"]
    other.execute("BEGIN IMMEDIATE")
    store.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(StoreError, match="locked"):
        tag_paragraph(store, pid, ["erdogan"])
    other.rollback()
    other.close()
    assert not store.conn.in_transaction
    assert [a.tags for a in annotations_of_document(store, doc(store))] == [["kremlin"]]


def test_a_change_that_fails_midway_leaves_no_trace(store: sqlite_utils.Database, monkeypatch) -> None:
    import store.annotations.changes as changes

    pid, _ = para(store, 13)

    def broken(*_args, **_kwargs) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(changes, "log", broken)
    with pytest.raises(RuntimeError):
        tag_paragraph(store, pid, ["pope"])
    assert not store.conn.in_transaction
    assert store.execute("select count(*) from annotations").fetchone()[0] == 0
    assert store.execute("select count(*) from annotation_tags").fetchone()[0] == 0
