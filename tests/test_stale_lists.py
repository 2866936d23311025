"""The Tags, Figures and Repeats lists after another terminal loaded an article's file again: enter lands on
the paragraph the entry showed, found by its text, or says the list was out of date and reads it again."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from textual.widgets import DataTable

from store.annotations import tag_paragraph
from store.load import load_paths
from store.queries import paragraph_as_listed
from tests.conftest import LIVE_BLOG, doc, para
from tests.test_app import open_doc, settle
from tests.test_noted_text import option_texts, show_tag
from tui.app import LIST_OUT_OF_DATE, TearsheetApp
from tui.screens.article import ArticleScreen
from tui.screens.figures import FiguresScreen
from tui.screens.repeats import RepeatsScreen
from tui.screens.tags import TagsScreen

PESKOV = 5
INSERTED = "UPDATE: a line added at the top of the blog since the list was read."


def load_again(db: sqlite_utils.Database, folder: Path, name: str, edit) -> None:
    """The file edited and loaded again, as another terminal would."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(edit(lines)), encoding="utf-8")
    assert load_paths(db, [folder]).ok


def with_a_line_after_the_first(lines: list[str]) -> list[str]:
    return [lines[0], INSERTED, *lines[1:]]


def cursor_text(app) -> str:
    assert isinstance(app.screen, ArticleScreen)
    return app.screen.cursor_view().text


def test_a_listed_paragraph_is_found_again_by_its_text_when_its_id_went_to_another(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / LIVE_BLOG.name).write_bytes(LIVE_BLOG.read_bytes())
    assert load_paths(db, [folder]).ok
    listed_id, listed_text = para(db, PESKOV)
    assert paragraph_as_listed(db, doc(db), listed_id, listed_text, PESKOV).id == listed_id
    load_again(db, folder, LIVE_BLOG.name, with_a_line_after_the_first)
    assert db.execute("select text from paragraphs where id = ?", [listed_id]).fetchone()[0] != listed_text
    found = paragraph_as_listed(db, doc(db), listed_id, listed_text, PESKOV)
    assert found is not None and found.id != listed_id and (found.text, found.n) == (listed_text, PESKOV + 1)
    assert paragraph_as_listed(db, doc(db), listed_id, "text no paragraph has", PESKOV) is None
    assert paragraph_as_listed(db, doc(db) + 1, found.id, listed_text, PESKOV) is None


def test_of_two_paragraphs_reading_the_same_text_the_one_numbered_nearest_is_found(seeded: sqlite_utils.Database) -> None:
    first_id, text = para(seeded, 1)
    assert para(seeded, 16)[1] == text
    assert paragraph_as_listed(seeded, doc(seeded), -1, text, 15).n == 16
    assert paragraph_as_listed(seeded, doc(seeded), -1, text, 2).n == 1
    assert paragraph_as_listed(seeded, doc(seeded), first_id, text, 16).n == 1


async def test_enter_on_a_tagged_paragraph_lands_on_its_text_after_its_article_was_loaded_again(
    store: sqlite_utils.Database, folder: Path
) -> None:
    pid, text = para(store, PESKOV)
    tag_paragraph(store, pid, ["peskov"])
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "peskov")
        load_again(store, folder, LIVE_BLOG.name, with_a_line_after_the_first)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_text(app) == text and app.screen.cursor_view().n == PESKOV + 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and f"¶{PESKOV + 1} ·" in option_texts(screen.right)[0]


async def test_enter_on_a_tagged_paragraph_whose_text_left_the_article_says_the_list_was_out_of_date(
    store: sqlite_utils.Database, folder: Path
) -> None:
    tag_paragraph(store, para(store, PESKOV)[0], ["peskov"])
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "peskov")
        load_again(store, folder, LIVE_BLOG.name, lambda lines: [line for line in lines if "Peskov" not in line])
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and isinstance(screen, TagsScreen)
        assert [n.message for n in app._notifications] == [LIST_OUT_OF_DATE]
        [entry] = option_texts(screen.right)
        assert "⚠ orphaned, was ¶5" in entry


async def test_enter_on_a_figure_lands_on_its_paragraph_after_its_article_was_loaded_again(
    store: sqlite_utils.Database, folder: Path
) -> None:
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        index = next(i for i, r in enumerate(screen.rows) if r.doc == doc(store) and r.paragraph == 23)
        row = screen.rows[index]
        screen.query_one(DataTable).move_cursor(row=index)
        load_again(store, folder, LIVE_BLOG.name, with_a_line_after_the_first)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_text(app) == row.text and row.figure.text in cursor_text(app)
        assert app.screen.cursor_view().n == 24


async def test_enter_on_a_repeat_lands_on_its_copy_after_its_article_was_loaded_again(
    store: sqlite_utils.Database, folder: Path
) -> None:
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RepeatsScreen)
        await pilot.press("enter")
        await settle(pilot)
        index = next(i for i, m in enumerate(screen.members) if m.doc_id == doc(store) and m.n == 16)
        member = screen.members[index]
        screen.right.highlighted = index
        load_again(store, folder, LIVE_BLOG.name, with_a_line_after_the_first)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_text(app) == member.text and app.screen.cursor_view().n == 17


async def test_a_tags_list_read_again_stays_on_the_tag_and_the_place_the_reader_was_on(
    store: sqlite_utils.Database, folder: Path
) -> None:
    for n, tag in ((2, "aid"), (3, "casualties"), (4, "casualties"), (6, "casualties")):
        tag_paragraph(store, para(store, n)[0], [tag])
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await show_tag(pilot, "casualties")
        await pilot.press("j")
        chosen = screen.quotes[screen.right.highlighted].annotation_id
        load_again(store, folder, LIVE_BLOG.name, with_a_line_after_the_first)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.tags[screen.left.highlighted] == "casualties"
        assert screen.quotes[screen.right.highlighted].annotation_id == chosen
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_text(app) == para(store, 5)[1]


async def test_enter_on_a_search_hit_lands_on_its_text_after_its_article_was_loaded_again(
    store: sqlite_utils.Database, folder: Path
) -> None:
    peskov = para(store, PESKOV)[1]
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Peskov")
        await settle(pilot)
        search = app.screen
        assert any(hit.text == peskov for hit in search.hits)
        search.hit_list.highlighted = next(i for i, hit in enumerate(search.hits) if hit.text == peskov)
        load_again(store, folder, LIVE_BLOG.name, with_a_line_after_the_first)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_text(app) == peskov
        assert app.screen.query_text == "Peskov"


async def test_a_refresh_keeps_the_cursor_on_its_paragraph_when_lines_were_added_above_it(
    store: sqlite_utils.Database, folder: Path
) -> None:
    _, text = para(store, PESKOV)
    app = TearsheetApp(store, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article = await open_doc(pilot, "Over 107,000")
        article.go_to_paragraph(para(store, PESKOV)[0])
        await settle(pilot)
        assert cursor_text(app) == text
        load_again(store, folder, LIVE_BLOG.name, lambda lines: [lines[0], INSERTED, INSERTED + " Again.", *lines[1:]])
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert cursor_text(app) == text and article.cursor_view().n == PESKOV + 2


def test_after_a_reload_the_cursor_finds_its_paragraph_edited_by_likeness_then_by_number_never_the_top() -> None:
    from store.reading import ParagraphView, position_after_reload

    def views(*texts: str, hidden: tuple[int, ...] = ()) -> list[ParagraphView]:
        out, n = [], 0
        for position, text in enumerate(texts):
            n += position not in hidden
            out.append(ParagraphView(id=100 + position, n=None if position in hidden else n, position=position,
                                     kind="byline" if position in hidden else "body", text=text))
        return out

    patriot = "Kyiv has asked allies for more Patriot systems, the defence minister said on Tuesday."
    old = views("Alpha entry about the front line.", "Bravo entry about drones.", patriot, "Charlie entry.")
    was = old[2]
    edited = patriot.replace("Patriot systems", "Patriot air defence systems")
    assert position_after_reload(views("Alpha entry about the front line.", edited, "Charlie entry."), was) == 1
    assert position_after_reload(views("Ukraine", "Alpha entry about the front line.", "Bravo entry about drones.",
                                       edited, "Charlie entry.", hidden=(0,)), was) == 3
    rewritten = views("Alpha.", "Bravo.", "Something else entirely, about the weather.", "Delta.")
    assert position_after_reload(rewritten, was) == 2
    assert position_after_reload(views("Alpha."), was) == 0
    assert position_after_reload(views("Alpha.", "Bravo."), old[3]) == 1
