"""After a reload an annotation still knows the text it was made on, says when that text changed, and an
orphan is called one everywhere: in the store, in every export format and on the Tags screen."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import sqlite_utils

from store.annotations import (
    annotations_of_document, orphaned_quotes, paragraphs_with_tag, set_note, tag_figure, tag_paragraph, undo,
    untag_paragraph,
)
from store.annotations.compare import what_changed
from store.export import FIELDS, export_text
from store.load import load_paths
from tests.conftest import AGGREGATOR, LIVE_BLOG, doc, para
from tests.test_app import settle
from tui.app import TearsheetApp
from tui.screens.article import ArticleScreen, ParagraphList
from tui.screens.tags import TagsScreen

TITLE = "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"


def rewrite(folder: Path, edit) -> None:
    path = folder / LIVE_BLOG.name
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(edit(lines)), encoding="utf-8")


def injured(was: str, now: str):
    return lambda lines: [line.replace(f"{was} were injured", f"{now} were injured") for line in lines]


def without_paragraph_2(lines: list[str]) -> list[str]:
    return [lines[0], *lines[2:]]


def stored(db: sqlite_utils.Database, annotation_id: int) -> tuple[str, str]:
    return db.execute("select original_text, anchor_text from annotations where id = ?", [annotation_id]).fetchone()


@pytest.fixture
def reloaded(store: sqlite_utils.Database, folder: Path) -> dict:
    """¶3 tagged (and a figure in it), ¶2 tagged and noted, ¶5 tagged; then ¶3 edited and ¶2 cut from the file."""
    kursk_id, kursk_text = para(store, 3)
    hungary_id, hungary_text = para(store, 2)
    kursk = tag_paragraph(store, kursk_id, ["kursk"])
    start = kursk_text.index("May 11")
    kursk_date = tag_figure(store, kursk_id, start, start + len("May 11"), ["dates"])
    hungary = tag_paragraph(store, hungary_id, ["hungary"])
    set_note(store, hungary_id, "check the date")
    peskov = tag_paragraph(store, para(store, 5)[0], ["peskov"])
    rewrite(folder, lambda lines: without_paragraph_2(injured("Three", "Four")(lines)))
    assert load_paths(store, [folder]).ok
    return {"kursk": kursk, "kursk_date": kursk_date, "hungary": hungary, "peskov": peskov,
            "kursk_text": kursk_text, "hungary_text": hungary_text}


def csv_rows(db: sqlite_utils.Database) -> dict[str, dict[str, str]]:
    return {row["tags"]: row for row in csv.DictReader(io.StringIO(export_text(db, bom=False), newline=""))}


def jsonl_rows(db: sqlite_utils.Database) -> dict[str, dict]:
    records = [json.loads(line) for line in export_text(db, fmt="jsonl").splitlines()]
    assert all(list(r) == list(FIELDS) for r in records)
    return {"; ".join(r["tags"]): r for r in records}


def test_an_edited_paragraph_keeps_the_text_it_was_noted_on_through_every_reload(
    reloaded: dict, store: sqlite_utils.Database, folder: Path
) -> None:
    old = reloaded["kursk_text"]
    now = para(store, 2)[1]
    assert now == old.replace("Three", "Four")
    assert stored(store, reloaded["kursk"].id) == (old, now)
    assert stored(store, reloaded["kursk_date"].id) == (old, now)
    by_id = {a.id: a for a in annotations_of_document(store, doc(store))}
    assert by_id[reloaded["kursk"].id].changed_since_noted and by_id[reloaded["kursk_date"].id].changed_since_noted
    assert not by_id[reloaded["peskov"].id].changed_since_noted

    rewrite(folder, injured("Four", "Five"))
    assert load_paths(store, [folder]).ok
    assert stored(store, reloaded["kursk"].id) == (old, old.replace("Three", "Five"))


def test_an_annotation_brought_back_by_undo_keeps_its_original(
    reloaded: dict, store: sqlite_utils.Database
) -> None:
    untag_paragraph(store, para(store, 2)[0], ["kursk"])
    assert undo(store) == "tagged ¶2 'kursk'"
    assert stored(store, reloaded["kursk"].id)[0] == reloaded["kursk_text"]


def test_every_export_says_the_text_changed_and_gives_the_original(reloaded: dict, store: sqlite_utils.Database) -> None:
    old, now = reloaded["kursk_text"], para(store, 2)[1]
    rows = csv_rows(store)
    assert (rows["kursk"]["quote"], rows["kursk"]["paragraph"]) == (now, "2")
    assert (rows["kursk"]["changed_since_noted"], rows["kursk"]["text_when_noted"]) == ("yes", old)
    assert (rows["dates"]["quote"], rows["dates"]["changed_since_noted"]) == ("May 11", "yes")
    assert (rows["peskov"]["changed_since_noted"], rows["peskov"]["orphaned"]) == ("no", "no")
    assert rows["peskov"]["text_when_noted"] == ""

    records = jsonl_rows(store)
    assert (records["kursk"]["changed_since_noted"], records["kursk"]["text_when_noted"]) == (True, old)
    assert records["peskov"]["changed_since_noted"] is False and records["peskov"]["text_when_noted"] is None

    markdown = export_text(store, fmt="md", tags=["kursk"])
    assert f"> {now}\n>\n> — 2025-05-11, ¶2\n\n*Changed since noted; when noted it read:*\n\n> {old}\n" in markdown
    assert "Changed since noted" not in export_text(store, fmt="md", tags=["peskov"])


def test_every_export_calls_an_orphan_one_and_gives_no_paragraph_number_that_is_now_another(
    reloaded: dict, store: sqlite_utils.Database
) -> None:
    assert para(store, 2)[1] != reloaded["hungary_text"]
    row = csv_rows(store)["hungary"]
    assert (row["orphaned"], row["paragraph"], row["former_paragraph"]) == ("yes", "", "2")
    assert (row["quote"], row["note"], row["figures"]) == (reloaded["hungary_text"], "check the date", "")
    assert row["changed_since_noted"] == "no"
    assert csv_rows(store)["kursk"]["former_paragraph"] == ""

    record = jsonl_rows(store)["hungary"]
    assert (record["orphaned"], record["paragraph"], record["former_paragraph"]) == (True, None, 2)
    assert (jsonl_rows(store)["kursk"]["orphaned"], jsonl_rows(store)["kursk"]["former_paragraph"]) == (False, None)

    markdown = export_text(store, fmt="md", tags=["hungary"])
    assert "> — 2025-05-11 (orphaned: no longer in the article, was ¶2)\n" in markdown
    assert ", ¶2" not in markdown


def test_the_orphans_are_listed_under_their_articles_title(reloaded: dict, store: sqlite_utils.Database) -> None:
    [quote] = orphaned_quotes(store)
    assert (quote.title, quote.n, quote.orphaned, quote.position, quote.note) == (TITLE, 2, True, None, "check the date")
    assert quote.tags == ("hungary",)
    [tagged] = paragraphs_with_tag(store, "kursk")
    assert tagged.changed_since_noted and not tagged.orphaned


def test_what_changed_names_the_words() -> None:
    assert what_changed("Three were injured.", "Four were injured.") == "Three → Four"
    assert what_changed("Three were injured, he said.", "Three were injured.") == "injured, he said. → injured."
    assert what_changed("A B C", "A C") == "cut: B"
    assert what_changed("A C", "A B C") == "added: B"
    assert what_changed("A  B", "A B") == "spacing"
    assert len(what_changed("x " * 50, "y " * 50, width=20)) == 20


def option_texts(option_list) -> list[str]:
    return [option_list.get_option_at_index(i).prompt.plain for i in range(option_list.option_count)]


async def show_tag(pilot, label_start: str) -> TagsScreen:
    app = pilot.app
    await pilot.press("T")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TagsScreen)
    screen.left.highlighted = next(i for i, t in enumerate(option_texts(screen.left)) if label_start in t)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return screen


async def test_the_tags_screen_marks_an_orphan_and_enter_says_why_it_opens_at_the_top(
    reloaded: dict, seeded: sqlite_utils.Database
) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "hungary")
        [entry] = option_texts(screen.right)
        assert entry.startswith(f"{TITLE}  ⚠ orphaned, was ¶2 · 2025-05-11\n")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.doc_id == doc(seeded)
        assert app.screen.query_one(ParagraphList).highlighted == 0
        assert any("no longer in this article: opened at the top" in n.message for n in app._notifications)

        await pilot.press("escape")
        await settle(pilot)
        screen = await show_tag(pilot, "orphaned tags and notes")
        [entry] = option_texts(screen.right)
        assert entry.startswith(f"{TITLE}  ⚠ orphaned, was ¶2 · 2025-05-11\n") and "document 1" not in entry
        assert entry.endswith("\ntagged hungary\n✎ check the date")


async def test_the_tags_screen_names_the_orphans_tags_and_notes(reloaded: dict, seeded: sqlite_utils.Database) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        labels = option_texts(app.screen.left)
        assert labels[-1] == "⚠ orphaned tags and notes  1"
        assert not any("orphaned notes" in label for label in labels)


async def test_the_library_counts_the_paragraphs_the_article_marks_not_the_orphans(
    reloaded: dict, seeded: sqlite_utils.Database
) -> None:
    from store.queries import documents
    from tests.test_app import library_cells, open_doc

    [row] = [r for r in documents(seeded) if r.id == doc(seeded)]
    assert row.tags == 2
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert library_cells(app, "Over 107,000")["tags"] == "2"
        article = await open_doc(pilot, "Over 107,000")
        marked = [v.n for v in article.shown if v.tags or v.figure_tags or v.note]
        assert marked == [2, 4]


async def test_the_tags_screen_and_the_article_say_what_changed_since_noted(
    reloaded: dict, seeded: sqlite_utils.Database
) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "kursk")
        [entry] = option_texts(screen.right)
        assert entry.startswith(f"{TITLE}  ¶2 · 2025-05-11\n")
        assert entry.endswith("Δ changed since noted: Three → Four")
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        marked = {v.n: v.text_when_noted for v in article.shown if v.text_when_noted is not None}
        assert marked == {2: reloaded["kursk_text"]}
        shown = article.query_one(ParagraphList).get_option_at_index(article.shown.index(article.cursor_view())).prompt
        assert "Δ changed since noted: Three → Four" in shown.body.plain


async def test_enter_on_an_orphan_whose_article_left_the_file_says_so_and_stays(
    store: sqlite_utils.Database, folder: Path
) -> None:
    eu = f"{AGGREGATOR.stem}#3"
    tag_paragraph(store, para(store, 1, eu)[0], ["eu"])
    path = folder / AGGREGATOR.name
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:55] + lines[68:]), encoding="utf-8")
    assert load_paths(store, [folder]).ok
    assert store.execute("select count(*) from paragraphs where doc_id = ?", [doc(store, eu)]).fetchone()[0] == 0

    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "eu")
        [entry] = option_texts(screen.right)
        assert entry.startswith("EU wants to prolong Ukraine conflict  ⚠ orphaned, was ¶1")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert any("is no longer in its file" in n.message for n in app._notifications)


async def test_notes_without_a_tag_have_their_own_entry_on_the_tags_screen(seeded: sqlite_utils.Database) -> None:
    set_note(seeded, para(seeded, 3)[0], "ask the ministry")
    tag_paragraph(seeded, para(seeded, 4)[0], ["casualties"])
    set_note(seeded, para(seeded, 4)[0], "tagged, so listed under its tag")
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "notes without a tag")
        assert option_texts(screen.left) == ["● casualties  1", "✎ notes without a tag  1"]
        [entry] = option_texts(screen.right)
        assert entry.startswith(f"{TITLE}  ¶3 · 2025-05-11\n") and entry.endswith("✎ ask the ministry")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.cursor_view().n == 3


async def test_a_tag_with_more_places_than_listed_says_how_many_more(seeded: sqlite_utils.Database, monkeypatch) -> None:
    import tui.screens.tags as tags_module

    monkeypatch.setattr(tags_module, "LISTED", 2)
    for n in (1, 2, 3):
        tag_paragraph(seeded, para(seeded, n)[0], ["swap"])
    for n in (4, 5, 6):
        set_note(seeded, para(seeded, n)[0], f"note {n}")
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "swap")
        entries = option_texts(screen.right)
        assert len(entries) == 3 and entries[-1] == "… 1 more, not listed here: E exports them all"
        assert option_texts(screen.left)[-1].endswith("notes without a tag  3")


def test_the_lines_of_a_note_start_under_its_first_word() -> None:
    from store.reading import ParagraphView
    from tui.widgets.paragraph import paragraph_visual

    view = ParagraphView(id=1, n=1, position=1, kind="body", text="Officials met.", note="Check the MoD\nand the UN figure")
    assert str(paragraph_visual(view).body).split("\n")[1:] == ["✎ Check the MoD", "  and the UN figure"]


def test_a_note_made_on_markdown_is_not_changed_once_the_text_reads_without_it() -> None:
    from store.annotations.compare import changed_since_noted

    assert not changed_since_noted("Russia launched **40 drones** at Kyiv, [officials said](https://x.com/a).",
                                   "Russia launched 40 drones at Kyiv, officials said.")
    assert changed_since_noted("Russia launched **40 drones** at Kyiv.", "Russia launched 41 drones at Kyiv.")
