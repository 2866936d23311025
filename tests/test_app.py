"""Every binding pressed through Pilot, asserting what changed on screen and in the store."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlite_utils
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.data_table import ColumnKey

from store.annotations import annotations_of_document
from store.db import open_db
from store.load import load_paths
from store.queries import document, documents, last_opened, remember_position
from store.repeats import groups
from store.text import clipped
from tests.conftest import AGGREGATOR, LIVE_BLOG, doc_id
from tui.app import TearsheetApp
from tui.screens.article import ArticleScreen, ParagraphList
from tui.screens.figures import FiguresScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.search import NOTHING_FOUND, SearchScreen
from tui.screens.tag_pick import TagPickModal


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def library_titles(app) -> list[str]:
    return [r.display_title for r in app.screen.rows]


async def open_doc(pilot, title_start: str) -> ArticleScreen:
    app = pilot.app
    index = next(i for i, t in enumerate(library_titles(app)) if t.startswith(title_start))
    app.screen.query_one(DataTable).move_cursor(row=index)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


def cursor_n(screen: ArticleScreen) -> int | None:
    view = screen.cursor_view()
    return view.n if view else None


@pytest.fixture
def app(seeded) -> TearsheetApp:
    return TearsheetApp(seeded, resume=False)


async def test_library_lists_documents_newest_first_with_related_under_their_page(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        titles = library_titles(app)
        assert titles[0] == "Moscow and Kiev exchange remains of fallen soldiers"
        assert titles[1:4] == ["US to cut Ukraine aid", "WHISPERING GIANT: Russia's quiet power leaves the West in the dust",
                               "EU wants to prolong Ukraine conflict"]
        assert titles[4].startswith("Over 107,000")


async def test_library_movement_keys(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 4
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("down")
        assert table.cursor_row == 1


async def test_filter_as_you_type(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"ukraine")
        await pilot.pause(0.3)
        await settle(pilot)
        assert library_titles(app) == ["US to cut Ukraine aid", "EU wants to prolong Ukraine conflict",
                                       "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"]
        await pilot.press("escape")
        assert isinstance(app.focused, DataTable)


async def test_sort_cycles_date_outlet_title(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.sort == "outlet"
        assert library_titles(app)[-1].startswith("Over 107,000")
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.sort == "title"
        assert library_titles(app) == sorted(library_titles(app), key=str.casefold)


async def test_mark_read_and_unread(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.screen.rows[0].id
        assert not document(seeded, first).read
        await pilot.press("m")
        await settle(pilot)
        assert document(seeded, first).read
        await pilot.press("m")
        await settle(pilot)
        assert not document(seeded, first).read


async def test_open_article_shows_paragraphs_without_boilerplate_and_marks_it_read(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        assert [v.n for v in screen.shown] == list(range(1, 10))
        assert all(v.kind == "body" for v in screen.shown)
        assert document(seeded, screen.doc_id).read
        await pilot.press("h")
        assert any(v.kind == "boilerplate" for v in screen.shown)
        assert screen.cursor_view().n == 1
        await pilot.press("h")
        assert not any(v.hidden for v in screen.shown)


async def test_article_movement_keys(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        assert cursor_n(screen) == 1
        await pilot.press("j", "j", "down")
        assert cursor_n(screen) == 4
        await pilot.press("k", "up")
        assert cursor_n(screen) == 2
        await pilot.press("G")
        assert cursor_n(screen) == 27
        await pilot.press("g")
        assert cursor_n(screen) == 1
        await pilot.press("space")
        after_page = cursor_n(screen)
        assert after_page > 2
        await pilot.press("b")
        assert cursor_n(screen) < after_page


async def test_space_pages_through_an_article_without_hiding_a_line_and_b_comes_back(app) -> None:
    from tui.screens.article import PAGE_OVERLAP, ParagraphList

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        paragraphs = screen.query_one(ParagraphList)
        height, lines = paragraphs.scrollable_content_region.height, paragraphs.virtual_size.height
        tops = [round(paragraphs.scroll_y)]
        while tops[-1] + height < lines:
            await pilot.press("space")
            await settle(pilot)
            tops.append(round(paragraphs.scroll_y))
            top_line = paragraphs._index_to_line[paragraphs.highlighted]
            assert tops[-1] <= top_line < tops[-1] + height or paragraphs._lines[tops[-1]][0] == paragraphs.highlighted
        assert len(tops) > 2 and tops[0] == 0
        assert all(0 < later - earlier <= height - PAGE_OVERLAP for earlier, later in zip(tops, tops[1:]))
        await pilot.press("space")
        await settle(pilot)
        assert cursor_n(screen) == 27
        await pilot.press("b")
        await settle(pilot)
        assert round(paragraphs.scroll_y) == tops[-1] - (height - PAGE_OVERLAP)


async def test_next_and_previous_article_follow_the_library(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("right_square_bracket")
        assert screen.data.doc.title == "US to cut Ukraine aid"
        await pilot.press("left_square_bracket")
        assert screen.data.doc.title.startswith("Moscow and Kiev")


async def test_escape_goes_back_and_position_is_remembered(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("j", "j", "j")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        fourth = next(v for v in screen.data.paragraphs if v.n == 4)
        assert document(seeded, screen.doc_id).position == fourth.position
        screen = await open_doc(pilot, "Over 107,000")
        assert cursor_n(screen) == 4


async def test_the_next_article_opened_starts_afresh_in_the_reused_screen(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = await open_doc(pilot, "Over 107,000")
        await pilot.press("j", "j", "h", "p")
        assert first.show_hidden and first.query_one("#figures-panel").display
        await pilot.press("escape")
        await settle(pilot)
        second = await open_doc(pilot, "Moscow and Kiev")
        assert second is first
        assert second.data.doc.title.startswith("Moscow and Kiev")
        assert [v.n for v in second.shown] == list(range(1, 10))
        assert cursor_n(second) == 1
        assert not second.query_one("#figures-panel").display
        assert app.focused is second.query_one(ParagraphList)
        assert "Moscow and Kiev" in str(second.query_one("#article-header").content)


async def test_an_article_opened_from_search_over_an_article_is_a_second_screen(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        below = await open_doc(pilot, "Over 107,000")
        await pilot.press("slash", *"Istanbul")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        above = app.screen
        assert isinstance(above, ArticleScreen) and above is not below
        assert above.query_text == "Istanbul"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is below
        assert below.data.doc.title.startswith("Over 107,000")


async def test_search_opens_empty_again_after_going_back(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Istanbul")
        await settle(pilot)
        search = app.screen
        assert search.hits
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert app.screen is search
        assert search.query_one("#query", Input).value == ""
        assert search.hits == [] and search.query_one("#hits").option_count == 0
        assert app.focused is search.query_one("#query")
        await pilot.press(*"Kiev")
        await settle(pilot)
        assert search.hits
        assert search.query_text == "Kiev"


async def test_resume_opens_the_last_article_where_it_was_left(seeded) -> None:
    first = TearsheetApp(seeded, resume=False)
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Over 107,000")
        await pilot.press("j", "j")
        await pilot.press("escape")
        await settle(pilot)
    second = TearsheetApp(seeded)
    async with second.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(second.screen, ArticleScreen)
        assert cursor_n(second.screen) == 3


async def _read_and_leave(seeded, *keys: str) -> None:
    """Open the live blog in a first reader, press `keys` there, and go back: the next reader resumes it."""
    first = TearsheetApp(seeded, resume=False)
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Over 107,000")
        await pilot.press(*keys, "escape")
        await settle(pilot)


def _gated_open(monkeypatch) -> tuple[threading.Event, list]:
    """open_db that waits for the returned event: the reader is painted and usable before its store opens."""
    import tui.app

    release = threading.Event()
    opened: list = []

    def slow_open(path, **options):
        release.wait(10)
        opened.append(path)
        return open_db(path, **options)

    monkeypatch.setattr(tui.app, "open_db", slow_open)
    return release, opened


async def test_a_reader_given_the_path_paints_before_the_store_opens_then_fills_in_and_resumes(
    seeded, tmp_path: Path, monkeypatch
) -> None:
    await _read_and_leave(seeded, "j", "j")
    release, opened = _gated_open(monkeypatch)
    second = TearsheetApp(tmp_path / "t.db")
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        library = second.screen
        assert isinstance(library, LibraryScreen) and not opened
        assert library.query_one("#documents", DataTable).row_count == 0
        assert not library.query_one("#empty").display, "an unopened store is not an empty one"
        assert "Opening the library" in str(library.query_one("#library-status", Static).render())
        release.set()
        await settle(pilot)
        await pilot.pause(0.2)
        assert opened == [tmp_path / "t.db"]
        assert isinstance(second.screen, ArticleScreen) and cursor_n(second.screen) == 3
        await pilot.press("escape")
        await settle(pilot)
        assert library.query_one("#documents", DataTable).row_count == 5


async def test_quitting_right_after_a_move_keeps_the_position(seeded) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article = await open_doc(pilot, "Over 107,000")
        await pilot.press("j", "j")
        doc, position = article.doc_id, article.cursor_view().position
        await pilot.press("q")
    assert seeded.execute("select position from reading where doc_id = ?", [doc]).fetchone()[0] == position


async def test_a_store_that_cannot_be_opened_ends_the_reader_with_the_reason(tmp_path: Path) -> None:
    app = TearsheetApp(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
    assert app.store_error is not None and "is a directory" in app.store_error
    assert app.return_code == 1


async def test_keys_pressed_while_the_store_opens_are_not_overridden_by_resuming(seeded, tmp_path, monkeypatch) -> None:
    await _read_and_leave(seeded)
    release, _ = _gated_open(monkeypatch)
    second = TearsheetApp(tmp_path / "t.db")
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        await pilot.press("slash", *"Kiev")
        release.set()
        await settle(pilot)
        assert isinstance(second.screen, SearchScreen)
        assert second.screen.query_one("#query", Input).value == "Kiev"


async def test_an_article_resumed_while_the_terminal_was_in_the_background_gets_its_keys_back(
    seeded, tmp_path, monkeypatch
) -> None:
    from textual import events
    from textual.widgets._footer import FooterKey

    await _read_and_leave(seeded)
    release, _ = _gated_open(monkeypatch)
    second = TearsheetApp(tmp_path / "t.db")
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        second.post_message(events.AppBlur())
        await pilot.pause()
        release.set()
        await settle(pilot)
        article = second.screen
        assert isinstance(article, ArticleScreen)
        second.post_message(events.AppFocus())
        await settle(pilot)
        assert second.focused is article.query_one(ParagraphList)
        assert "]" in [key.key_display for key in article.query(FooterKey)]


async def test_sqlite_utils_is_imported_on_the_ui_thread_not_beside_it(seeded, tmp_path, monkeypatch) -> None:
    """Its import blocks numpy for the whole process for a moment; a screen imported meanwhile would fail."""
    import tui.app

    threads: list[threading.Thread] = []
    real = tui.app.sqlite_utils_module
    monkeypatch.setattr(tui.app, "sqlite_utils_module", lambda: threads.append(threading.current_thread()) or real())
    app = TearsheetApp(tmp_path / "t.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#documents", DataTable).row_count == 5
    assert threads == [threading.main_thread()]


async def test_a_database_file_gone_before_the_reader_opens_it_is_not_made_again_empty(tmp_path: Path) -> None:
    gone = tmp_path / "gone.db"
    app = TearsheetApp(gone)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
    assert app.return_code == 1
    assert app.store_error is not None and "no such database file" in app.store_error
    assert not gone.exists()


async def test_any_failure_to_open_the_store_ends_the_reader_with_its_reason(seeded, tmp_path, monkeypatch) -> None:
    import tui.app

    def broken(path, **options):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(tui.app, "open_db", broken)
    app = TearsheetApp(tmp_path / "t.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
    assert app.return_code == 1
    assert app.store_error is not None and "RuntimeError: disk on fire" in app.store_error


async def test_quitting_while_another_program_writes_does_not_wait_for_it(seeded, tmp_path) -> None:
    import sqlite3
    import time

    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Over 107,000")
        other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
        other.execute("begin immediate")
        try:
            await pilot.press("j")
            started = time.monotonic()
            await pilot.press("q")
            await pilot.pause()
            waited = time.monotonic() - started
        finally:
            other.execute("rollback")
            other.close()
    assert waited < 2.0
    assert not app.is_running and not app.return_code


async def test_bottom_goes_to_the_last_document_not_the_last_row_loaded(seeded, monkeypatch) -> None:
    import tui.screens.library as library_module

    monkeypatch.setattr(library_module, "FIRST_PAGE", 2)
    monkeypatch.setattr(library_module, "PAGE", 1)
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        library = app.screen
        table = library.query_one(DataTable)
        table.move_cursor(row=0)
        await settle(pilot)
        assert len(library.rows) < library.total == 5
        await pilot.press("G")
        await settle(pilot)
        assert len(library.rows) == table.row_count == 5
        assert table.cursor_row == 4
        assert library.rows[4].id == app.store(documents, sort="date", limit=10)[-1].id


async def test_next_article_goes_on_past_the_rows_the_library_has_loaded(seeded, monkeypatch) -> None:
    import tui.screens.library as library_module

    monkeypatch.setattr(library_module, "FIRST_PAGE", 2)
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        library = app.screen
        later_pages: list[int] = []
        # The table would fetch the next page as the cursor nears its end; here it never arrives.
        monkeypatch.setattr(library, "_fetch", lambda *args: later_pages.append(args[3]))
        library.rows = library.rows[:2]
        every = [r.id for r in app.store(documents, sort="date", limit=10)]
        assert library.total == len(every) == 5
        await pilot.press("enter")
        await settle(pilot)
        seen = [app.screen.doc_id]
        for _ in range(4):
            await pilot.press("right_square_bracket")
            seen.append(app.screen.doc_id)
        assert seen == every
        assert len(library.rows) == 2 and later_pages


async def test_search_opens_the_hit_and_steps_through_hits(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Istanbul")
        await settle(pilot)
        hits = app.screen.hits
        assert len(hits) >= 3
        assert all("Istanbul" in h.text for h in hits)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.cursor_view().id == hits[0].paragraph_id
        in_doc = sorted((v.n for v in screen.shown if v.id in screen.hits))
        assert len(in_doc) >= 1
        await pilot.press("n")
        if len(in_doc) > 1:
            assert cursor_n(screen) != hits[0].n
        await pilot.press("N")
        assert cursor_n(screen) == hits[0].n


async def test_a_search_for_one_spelling_steps_through_the_other_in_the_article(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kyiv")
        await settle(pilot)
        assert app.screen.hits and all("[Kiev]" in h.marked() for h in app.screen.hits)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.doc_id == doc_id(seeded, AGGREGATOR.stem)
        reached = set()
        for _ in range(12):
            await pilot.press("n")
            reached.add(cursor_n(screen))
        assert len(reached) >= 5
        assert all("Kiev" in v.text for v in screen.shown if v.n in reached)
        # Twelve steps over fewer hits went round the article, and said so once.
        assert notices(app).count("Back to the first hit") == 1


async def test_help_lists_every_key_and_closes(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        from tui.screens.help import help_markdown

        text = help_markdown()
        for needle in ("Next article", "Tag a figure", "Undo", "Sort", "Search"):
            assert needle in text
        assert "**New** the share of the article's paragraphs that are not copies" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_space_and_b_page_the_help_over_an_article_and_its_footer_says_how_to_close_it(app) -> None:
    from textual.containers import VerticalScroll
    from textual.widgets._footer import FooterKey

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article = await open_doc(pilot, "Over 107,000")
        before = cursor_n(article)
        await pilot.press("question_mark")
        await settle(pilot)
        text = app.screen.query_one("#help", VerticalScroll)
        keys = {(k.key_display, k.description) for k in app.screen.query(FooterKey) if k.display}
        assert {("esc", "Close"), ("space", "Page down"), ("b", "Page up")} <= keys
        assert text.scroll_y == 0
        await pilot.press("space")
        await pilot.wait_for_scheduled_animations()
        assert text.scroll_y >= text.scrollable_content_region.height - 2
        await pilot.press("b")
        await pilot.wait_for_scheduled_animations()
        assert text.scroll_y == 0
        await pilot.press("escape")
        assert app.screen is article and cursor_n(article) == before


async def test_palette_offers_commands_by_name(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        names = [c.title for c in app.get_system_commands(app.screen)]
        for name in ("Search", "Repeats", "Figures", "Tags", "Export notes", "Sort", "Filter", "Theme"):
            assert name in names
        assert sorted(names) == sorted(set(names)), "a command listed twice"
        await open_doc(pilot, "Moscow and Kiev")
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert names.count("Keys") == 1 and sorted(names) == sorted(set(names))


async def test_tag_untag_repeat_and_undo(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        doc = screen.doc_id
        await pilot.press("t")
        await pilot.press(*"casualties", "enter")
        await settle(pilot)
        tagged = {a.n: a.tags for a in annotations_of_document(seeded, doc)}
        assert tagged == {1: ["casualties"]}
        await pilot.press("j", "full_stop")
        await settle(pilot)
        tagged = {a.n: a.tags for a in annotations_of_document(seeded, doc)}
        assert tagged == {1: ["casualties"], 2: ["casualties"]}
        assert cursor_n(screen) == 3
        await pilot.press("k", "t")
        await pilot.press(*"casualties", "enter")
        await settle(pilot)
        assert {a.n: a.tags for a in annotations_of_document(seeded, doc) if a.tags} == {1: ["casualties"]}
        await pilot.press("u")
        await settle(pilot)
        assert {a.n: a.tags for a in annotations_of_document(seeded, doc)} == {1: ["casualties"], 2: ["casualties"]}


async def test_the_tag_dialog_says_how_to_take_a_completion_save_and_cancel(app, seeded) -> None:
    from tui.screens.tag_modal import TagModal

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("t", *"casualties", "enter", "j", "t")
        await settle(pilot)
        assert isinstance(app.screen, TagModal)
        said = str(app.screen.query_one("#tag-help").render())
        assert "→ takes the grey completion" in said and "enter saves · escape cancels" in said
        await pilot.press(*"cas")
        await settle(pilot)
        await pilot.press("right", "enter")
        await settle(pilot)
        assert {a.n: a.tags for a in annotations_of_document(seeded, screen.doc_id)} == {
            1: ["casualties"], 2: ["casualties"]}


async def test_tagging_noting_and_undoing_leave_the_view_where_it_was(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        paragraphs = screen.query_one(ParagraphList)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert cursor_n(screen) == 4 and paragraphs.scroll_y == 0
        await pilot.press("t", *"peace", "enter")
        await settle(pilot)
        assert paragraphs.scroll_y == 0 and cursor_n(screen) == 4
        await pilot.press("a", *"Thursday is May 15", "escape")
        await settle(pilot)
        assert paragraphs.scroll_y == 0 and cursor_n(screen) == 4
        await pilot.press("u")
        await settle(pilot)
        assert paragraphs.scroll_y == 0 and cursor_n(screen) == 4


async def test_note_is_saved_on_close_and_folds(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("j", "a")
        await pilot.press(*"Check 909 against", "enter", *"the MoD figure")
        await pilot.press("escape")
        await settle(pilot)
        [note] = annotations_of_document(seeded, screen.doc_id)
        assert (note.n, note.note) == (2, "Check 909 against\nthe MoD figure")
        assert screen.cursor_view().note == note.note
        await pilot.press("o")
        assert screen.show_notes is False


async def test_a_note_opened_again_is_added_to_at_its_end(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("a", *"Check 909", "escape")
        await settle(pilot)
        await pilot.press("a", *" against the MoD figure", "escape")
        await settle(pilot)
        [note] = annotations_of_document(seeded, screen.doc_id)
        assert note.note == "Check 909 against the MoD figure"


async def test_a_note_is_discarded_with_its_key_and_kept_when_the_reader_quits_while_writing_it(app, seeded) -> None:
    from tui.screens.note_modal import NoteModal

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("j", "a", *"never mind", "ctrl+g")
        await settle(pilot)
        assert app.is_running and app.screen is screen
        assert annotations_of_document(seeded, screen.doc_id) == []
        await pilot.press("a", *"Ask the MoD")
        assert isinstance(app.screen, NoteModal)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    [note] = annotations_of_document(seeded, screen.doc_id)
    assert (note.n, note.note) == (2, "Ask the MoD")


async def test_tag_a_single_figure(app, seeded) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("j", "ctrl+f")
        await pilot.press("enter")
        await pilot.press(*"bodies", "enter")
        await settle(pilot)
        [figure] = annotations_of_document(seeded, screen.doc_id)
        assert figure.figure_text == "909 bodies" or figure.figure_text.startswith("909")
        assert figure.tags == ["bodies"]
        await pilot.press("t", *"swap", "enter", "j", "ctrl+f", *"bodies", "enter")
        await settle(pilot)
        await pilot.press("full_stop")
        await settle(pilot)
        assert {a.n: a.tags for a in annotations_of_document(seeded, screen.doc_id) if a.figure_text is None} == {
            2: ["swap"], 3: ["bodies"]}


async def test_the_which_figure_dialog_says_what_enter_and_escape_do_there(app, seeded) -> None:
    from tui.screens.pick_modal import PickModal

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("j", "ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, PickModal) and str(app.screen.query_one(".dialog-title", Static).render()) == "Which figure of ¶2?"
        said = str(app.screen.query_one(".dialog-help", Static).render())
        assert said == "↑↓ move · enter tags that figure · escape cancels"
        await pilot.press("escape")
        assert app.screen is screen and annotations_of_document(seeded, screen.doc_id) == []


async def test_tag_figure_takes_the_only_figure_of_a_paragraph_without_asking_which(app, seeded) -> None:
    from tui.screens.tag_modal import TagModal

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("j", "j")
        assert [f.text for f in screen.cursor_view().figures] == ["909"]
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, TagModal)
        await pilot.press(*"bodies", "enter")
        await settle(pilot)
        [figure] = annotations_of_document(seeded, screen.doc_id)
        assert (figure.n, figure.figure_text, figure.tags) == (3, "909", ["bodies"])


async def test_a_reload_after_a_tag_draws_again_only_the_tagged_paragraph(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        before = {v.id: screen._visual(v) for v in screen.shown}
        tagged = screen.cursor_view()
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        after = {v.id: screen._visual(v) for v in screen.shown}
        redrawn = [pid for pid in after if after[pid] is not before[pid]]
        assert redrawn == [tagged.id]


async def test_figures_panel_and_stepping(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("x")
        first = screen.current_figure
        assert first is not None
        await pilot.press("x")
        assert screen.current_figure != first
        await pilot.press("X")
        assert screen.current_figure == first
        panel = screen.query_one("#figures-panel")
        # Listed only once shown: a live blog's tens of thousands of figures cost its opening a second.
        assert panel.option_count == 0 and panel.border_subtitle == str(len(panel.keys)) == "25"
        await pilot.press("p")
        assert panel.display and panel.has_focus and panel.option_count == 25
        assert panel.highlighted == panel.keys.index(first)
        await pilot.press("down", "down", "enter")
        assert screen.current_figure == panel.keys[panel.keys.index(first) + 2]
        await pilot.press("p")
        assert not panel.display
        await pilot.press("p", "G")
        assert panel.has_focus and panel.highlighted == 24
        await pilot.press("k", "k", "j")
        assert panel.highlighted == 23
        await pilot.press("g")
        assert panel.highlighted == 0


async def test_the_next_figure_takes_the_last_ones_notice_down_and_the_open_panel_says_it_without_one(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("x")
        await pilot.pause()
        assert notices(app) == ["range: February 24, 2022 to May 8, 2025 — 2022-02-24 → 2025-05-08"]
        await pilot.press("x")
        await pilot.pause()
        assert notices(app) == ["date: end of April — 2025-04"]
        await pilot.press("p")
        await pilot.press("x")
        await pilot.pause()
        panel = screen.query_one("#figures-panel")
        assert panel.display and panel.highlighted == panel.keys.index(screen.current_figure) == 2
        assert notices(app) == []


@pytest.mark.parametrize("size", [(120, 35), (100, 30)])
async def test_the_paragraph_under_the_cursor_stays_in_view_as_the_figures_panel_opens_and_closes(app, size) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        paragraphs = screen.query_one(ParagraphList)
        await pilot.press("G")
        await settle(pilot)
        assert paragraphs.highlighted == len(screen.shown) - 1
        for _ in range(2):
            await pilot.press("p")
            await settle(pilot)
            # The last paragraph is in view only with the list scrolled to its end.
            assert paragraphs.max_scroll_y > 0 and paragraphs.scroll_y == paragraphs.max_scroll_y


async def test_figure_stepping_goes_on_from_the_paragraph_the_cursor_moved_to(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("x")
        first = screen.current_figure
        await pilot.press("G")
        bottom = screen.query_one(ParagraphList).highlighted
        await pilot.press("X")
        rows = [i for i, v in enumerate(screen.shown) if v.id == screen.current_figure[0]]
        assert rows and rows[0] < bottom
        await pilot.press("g", "x")
        assert screen.current_figure == first


def load_another_article(db, tmp_path: Path) -> None:
    """An article loaded meanwhile, as from another terminal."""
    extra = tmp_path / "later"
    extra.mkdir()
    (extra / "new.txt").write_text("Grain corridor reopens\n\nShips left Odesa on Monday, officials said.\n", encoding="utf-8")
    load_paths(db, [extra])


async def test_refresh_shows_documents_loaded_meanwhile(app, seeded, tmp_path: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert len(app.screen.rows) == 5
        load_another_article(seeded, tmp_path)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Grain corridor reopens" in library_titles(app)


async def test_a_refresh_on_another_screen_reaches_the_library_under_it(app, seeded, tmp_path: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        load_another_article(seeded, tmp_path)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "Grain corridor reopens" in library_titles(app)


def drop_related_articles(folder: Path) -> None:
    """The aggregator page loaded again without its related articles, as a load in another terminal would."""
    page = folder / AGGREGATOR.name
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("Related Articles")], encoding="utf-8")


async def test_refresh_on_an_article_its_file_no_longer_carries_goes_back_to_the_library(
    app, seeded, folder: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "US to cut Ukraine aid")
        drop_related_articles(folder)
        assert load_paths(seeded, [folder]).ok
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "US to cut Ukraine aid" not in library_titles(app)
        assert any("no longer in the collection" in n.message for n in app._notifications)


async def test_opening_a_library_row_whose_article_is_gone_says_so_and_stays_in_the_library(
    app, seeded, folder: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        drop_related_articles(folder)
        assert load_paths(seeded, [folder]).ok
        index = next(i for i, t in enumerate(library_titles(app)) if t.startswith("US to cut Ukraine aid"))
        app.screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "US to cut Ukraine aid" not in library_titles(app)
        assert any("no longer in the collection" in n.message for n in app._notifications)


async def test_the_reader_does_not_resume_an_article_its_file_no_longer_carries(seeded, folder: Path) -> None:
    related = seeded.execute("select id from documents where title = 'US to cut Ukraine aid'").fetchone()[0]
    remember_position(seeded, related, 0)
    drop_related_articles(folder)
    assert load_paths(seeded, [folder]).ok
    remember_position(seeded, related, 0)  # a reader still on it saved its place after the load
    assert last_opened(seeded) is None


async def test_empty_database_explains_how_to_load(db) -> None:
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#empty")
        assert empty.display
        assert "tearsheet load PATH" in str(empty.render())


async def test_screens_by_key(app) -> None:
    from tui.screens.figures import FiguresScreen
    from tui.screens.tags import TagsScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen)
        assert len(app.screen.rows) > 50
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(app.screen, TagsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_a_screen_closed_while_its_worker_reads_leaves_the_reader_running(app) -> None:
    from tui.screens.tags import TagsScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        tags = app.screen
        assert isinstance(tags, TagsScreen)
        await pilot.press("escape")
        await settle(pilot)
        # What a resize or ctrl+r asks of a screen as it closes: a read whose thread finds the screen gone.
        app.call_later(tags.refresh_data)
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.is_running and isinstance(app.screen, LibraryScreen) and app.return_code in (None, 0)


async def test_works_at_80x24(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "-narrow" in app.screen.classes
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("j")
        assert cursor_n(screen) == 2
        assert screen.query_one(ParagraphList).size.width >= 70


async def test_export_from_the_app_writes_the_tagged_notes(seeded, tmp_path: Path) -> None:
    app = TearsheetApp(seeded, resume=False, export_dir=str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("t", *"swap", "enter")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        for _ in range(50):
            written = list((tmp_path / "out").glob("tearsheet-notes-*.csv"))
            if written:
                break
            await pilot.pause(0.05)
        await settle(pilot)
        [notice] = [n for n in app._notifications if n.title == "Exported"]
        assert notice.message == str(written[0]) and notice.timeout <= 3
    [path] = written
    import csv

    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["tags", "note", "quote"]
    assert rows[1][0] == "swap" and rows[1][2].startswith("Moscow and Kiev have exchanged")


async def test_library_filters_to_a_tag(app, seeded) -> None:
    from store.annotations import tag_paragraph

    live = doc_id(seeded, "000_f7ba2992e29d3270")
    first = seeded.execute("select id from paragraphs where doc_id = ? and n = 1", [live]).fetchone()[0]
    tag_paragraph(seeded, first, ["casualties"])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert library_titles(app) == ["Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"]


@pytest.fixture
def four_tags(seeded) -> None:
    """Kyiv-strikes on the live blog, energy on the aggregator, ceasefire-talks on "US to cut Ukraine aid", and
    talks-in-Kyiv, the most used, on the aggregator and "EU wants to prolong Ukraine conflict"."""
    from store.annotations import tag_paragraph

    for stem, n, tag in [("000_f7ba2992e29d3270", 1, "Kyiv-strikes"), ("003_7f94f20fc10e6d5d", 1, "energy"),
                         ("003_7f94f20fc10e6d5d#1", 1, "ceasefire-talks"), ("003_7f94f20fc10e6d5d", 2, "talks-in-Kyiv"),
                         ("003_7f94f20fc10e6d5d#3", 1, "talks-in-Kyiv")]:
        [pid] = seeded.execute("select id from paragraphs where doc_id = ? and n = ?", [doc_id(seeded, stem), n]).fetchone()
        tag_paragraph(seeded, pid, [tag])


def tag_prompts(app) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#choices", OptionList).options]


def highlighted_tag(app) -> str | None:
    option = app.screen.query_one("#choices", OptionList).highlighted_option
    return None if option is None else str(option.prompt)


async def pick_tag(pilot, typed: str) -> None:
    """Open the tag picker, type `typed`, and enter."""
    await pilot.press("ctrl+g")
    await settle(pilot)
    await pilot.press(*typed, "enter")
    await settle(pilot)


ALL_TITLES = ["Moscow and Kiev exchange remains of fallen soldiers", "US to cut Ukraine aid",
              "WHISPERING GIANT: Russia's quiet power leaves the West in the dust",
              "EU wants to prolong Ukraine conflict",
              "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"]


async def test_typing_in_the_tag_picker_narrows_it_and_enter_shows_only_that_tag(app, four_tags) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, TagPickModal) and app.focused is app.screen.query_one("#tag-narrow", Input)
        assert tag_prompts(app) == ["(every document)", "talks-in-Kyiv  (2)", "ceasefire-talks  (1)", "energy  (1)",
                                    "Kyiv-strikes  (1)"]
        await pilot.press("k", "Y")
        await pilot.pause()
        assert tag_prompts(app) == ["Kyiv-strikes  (1)", "talks-in-Kyiv  (2)"]
        assert highlighted_tag(app) == "Kyiv-strikes  (1)"
        await pilot.press("backspace", "backspace", *"TALKS")
        await pilot.pause()
        assert tag_prompts(app) == ["talks-in-Kyiv  (2)", "ceasefire-talks  (1)"]
        await pilot.press("ctrl+a", "ctrl+k", "k", "y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert library_titles(app) == ["Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"]


async def test_arrows_move_the_tag_pickers_highlight_while_typing(app, four_tags) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("k", "y", "down")
        assert highlighted_tag(app) == "talks-in-Kyiv  (2)"
        await pilot.press("down")
        assert highlighted_tag(app) == "talks-in-Kyiv  (2)"
        await pilot.press("up", "down", "a")
        await pilot.pause()
        assert app.screen.query_one("#tag-narrow", Input).value == "kya"
        await pilot.press("backspace", "down", "enter")
        await settle(pilot)
        assert library_titles(app) == [ALL_TITLES[0], ALL_TITLES[3]]


async def picker_over_the_energy_filter(pilot, app) -> None:
    """The library filtered to the tag "energy", and the tag picker opened over it."""
    await settle(pilot)
    await pick_tag(pilot, "energy")
    assert library_titles(app) == ["Moscow and Kiev exchange remains of fallen soldiers"]
    await pilot.press("ctrl+g")
    await settle(pilot)


async def test_a_tag_picker_matching_nothing_says_so_and_escape_keeps_the_filter(app, four_tags) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await picker_over_the_energy_filter(pilot, app)
        await pilot.press(*"xyz")
        await pilot.pause()
        assert tag_prompts(app) == ['No tag contains "xyz"'] and highlighted_tag(app) is None
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TagPickModal)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen) and app.screen.tag == "energy"
        assert library_titles(app) == ["Moscow and Kiev exchange remains of fallen soldiers"]


async def test_every_document_in_the_tag_picker_clears_the_filter(app, four_tags) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await picker_over_the_energy_filter(pilot, app)
        await pilot.press("e", "backspace")
        await pilot.pause()
        assert highlighted_tag(app) == "(every document)"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.tag is None and library_titles(app) == ALL_TITLES


async def test_next_copy_and_fold_repeats(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        lead = screen.cursor_view()
        assert lead.n == 1 and lead.repeat is not None and lead.repeat.size == 2
        await pilot.press("r")
        assert cursor_n(screen) == 16
        await pilot.press("r")
        assert cursor_n(screen) == 1
        await pilot.press("z")
        copy = next(v for v in screen.shown if v.n == 16)
        assert screen._fold_label(copy) == "repeat of ¶1 in this article, 100%"
        assert screen._fold_label(lead) is None
        assert notices(app)[-1] == "Repeats folded: 1 copy of earlier text on one line each (z unfolds)"
        await pilot.press("z")
        assert screen._fold_label(copy) is None
        assert notices(app)[-1] == "Repeats shown in full"


async def test_a_copy_holding_search_hits_is_not_folded(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_article(doc_id(app._db, LIVE_BLOG.stem), query="publications")
        await settle(pilot)
        screen = app.screen
        await pilot.press("z")
        copy = next(v for v in screen.shown if v.n == 16)
        assert copy.id in screen.hits and screen._fold_label(copy) is None
        reached = []
        for _ in screen.hits:
            await pilot.press("n")
            reached.append(cursor_n(screen))
        assert 16 in reached
        folded = [v for v in screen.shown if screen._fold_label(v)]
        assert folded == [v for v in folded if v.id not in screen.hits]


async def test_a_folded_copy_names_the_article_it_repeats_and_tagged_copies_stay_open(app) -> None:
    from store.annotations import tag_paragraph
    from store.reading import ParagraphView, RepeatMark

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("z")
        elsewhere = RepeatMark(group_id=9, size=2, score=95.4, representative_id=1, representative_doc=screen.doc_id + 1,
                               representative_n=4, is_representative=False, representative_title="Kyiv says " + "x" * 60)
        view = ParagraphView(id=-1, n=3, position=3, kind="body", text="text", repeat=elsewhere)
        assert screen._fold_label(view) == f"repeat of ¶4 in “Kyiv says {'x' * 29}…”, 95%"
        copy = next(v for v in screen.shown if v.n == 16)
        assert screen._fold_label(copy) is not None
        tag_paragraph(app._db, copy.id, ["casualties"])
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("z")
        copy = next(v for v in screen.shown if v.n == 16)
        assert copy.tags == ["casualties"] and screen.fold_repeats and screen._fold_label(copy) is None


async def test_repeats_screen_lists_groups_and_opens_a_copy(app) -> None:
    from tui.screens.repeats import RepeatsScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RepeatsScreen)
        places = [len(g.places) for g in screen.groups]
        assert places == sorted(places, reverse=True) and min(places) == 2
        # A related article's headline, printed three times on its own page, is no repeat.
        assert not [g for g in screen.groups if len({m.place for m in g.members}) < 2]
        assert len(screen.groups) < len(app.store(groups, min_size=2))
        assert str(screen.left.get_option_at_index(0).prompt).startswith(f"≡{places[0]} ")
        lead = next(i for i, g in enumerate(screen.groups) if g.members[0].text.startswith("The publications'"))
        screen.left.highlighted = lead
        await settle(pilot)
        assert [m.n for m in screen.members] == [1, 16]
        await pilot.press("enter")
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert cursor_n(app.screen) == 16


def footer_keys(app) -> dict[str, str]:
    return {b.key: b.description for _node, b, _enabled, _tip in app.screen.active_bindings.values() if b.show}


async def test_the_footer_says_what_enter_does_in_each_pane(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert footer_keys(app)["enter"] == "Its paragraphs"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.right.has_focus and footer_keys(app)["enter"] == "Open"
        await pilot.press("escape", "escape", "slash")
        await settle(pilot)
        await pilot.press(*"Kiev")
        await settle(pilot)
        # Typing in the query, the footer says how to reach the hits: G and end would be typed.
        assert footer_keys(app)["tab"] == "Hits ⇄ query" and footer_keys(app)["enter"] == "Open"
        await pilot.press("tab")
        await settle(pilot)
        assert app.screen.hit_list.has_focus and footer_keys(app)["enter"] == "Open"


async def test_files_that_failed_to_load_are_shown_in_the_reader(seeded) -> None:
    app = TearsheetApp(seeded, resume=False, load_problems=["/data/x.txt: binary file (contains NUL bytes), not text"])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        [notice] = list(app._notifications)
        assert notice.severity == "error" and "x.txt: binary file" in notice.message
        assert notice.title == "1 file not loaded"


async def test_files_skipped_while_loading_are_shown_in_the_reader_after_the_failures(seeded) -> None:
    skipped = ["/data: skipped 2 hidden files (names starting with '.'; name one to load it): .draft.txt, .x.md",
               "/data/notes.pdf: skipped: not an article file (.pdf; tearsheet reads .txt and .md)"]
    app = TearsheetApp(seeded, resume=False, load_skipped=skipped, load_problems=["/data/x.txt: empty file"])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        warning, error = list(app._notifications)
        assert warning.severity == "warning" and warning.title == "Skipped while loading"
        assert warning.message.splitlines() == skipped
        assert error.severity == "error" and error.title == "1 file not loaded"


async def test_wide_library_previews_the_highlighted_document(seeded) -> None:
    for width, shown in ((160, True), (100, False)):
        app = TearsheetApp(seeded, resume=False)
        async with app.run_test(size=(width, 30)) as pilot:
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
            preview = app.screen.query_one("#preview")
            assert preview.display is shown
            if shown:
                assert str(preview.render()).startswith("US to cut Ukraine aid")


async def test_quit(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert not app.is_running


def test_the_reader_paints_before_importing_sqlite_utils_and_opens_the_store_without_numpy() -> None:
    import subprocess
    import sys

    code = "\n".join([
        "import sys, tui.cli",
        "assert 'rapidfuzz' not in sys.modules and 'store.reading' not in sys.modules, 'the command line reads articles'",
        "import tui.app, tui.screens.library",
        "assert 'sqlite_utils' not in sys.modules, 'sqlite_utils imported before the first paint'",
        "from store.db import sqlite_utils_module",
        "assert sqlite_utils_module().Database",
        "assert 'numpy' not in sys.modules, 'numpy imported with sqlite_utils'",
        "import store.repeats.engine",
        "assert sys.modules['numpy'] is not None",
    ])
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def test_footer_keeps_its_keys_when_they_do_not_change_and_follows_them_when_they_do(app) -> None:
    from textual.widgets._footer import FooterKey

    def keys(screen) -> list[FooterKey]:
        return list(screen.query(FooterKey))

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        library = app.screen
        before = keys(library)
        assert "Sort" in [k.description for k in before]
        article = await open_doc(pilot, "Over 107,000")
        assert "Next copy" in [k.description for k in keys(article)]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.screen is library
        assert keys(library) == before
        app.set_keymap({"sort": "o"})
        await settle(pilot)
        assert "o" in [k.key_display for k in keys(library) if k.description == "Sort"]


async def test_full_collections_wait_until_the_reader_is_idle(app) -> None:
    import gc

    from tui import app as app_module

    default = gc.get_threshold()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == app_module.FULL_PASS_EVERY
        full_passes = gc.get_stats()[2]["collections"]
        await pilot.press("j")
        assert gc.get_stats()[2]["collections"] == full_passes
        await pilot.pause(app_module.COLLECT_WHEN_IDLE_FOR * 2.5)
        assert gc.get_stats()[2]["collections"] == full_passes + 1
        await pilot.pause(app_module.COLLECT_WHEN_IDLE_FOR * 2.5)
        assert gc.get_stats()[2]["collections"] == full_passes + 1
    assert gc.get_threshold() == default


async def test_the_collector_paused_for_start_up_runs_again_once_the_first_frame_is_painted(app) -> None:
    import gc

    gc.disable()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_search_as_you_type_ranks_only_the_newest_matches_of_a_common_word_then_lists_the_older(app, seeded, monkeypatch) -> None:
    from store.queries import search
    from tui.screens import search as search_screen

    newest = [row[0] for row in seeded.execute(
        "select rowid from paragraphs_fts where paragraphs_fts match 'the' order by rowid desc limit 3")]
    everywhere = search(seeded, "the", limit=100)
    assert len(everywhere) > 3
    monkeypatch.setattr(search_screen, "RANK_WITHIN", 3)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"the")
        await settle(pilot)
        ids = [h.paragraph_id for h in app.screen.hits]
        ranked = [i for i in ids if i >= min(newest)]
        assert ranked and ids[:len(ranked)] == ranked and set(ranked) <= set(newest)
        assert ids[len(ranked):] == sorted(ids[len(ranked):], reverse=True)
        await pilot.press(*" Istanbul")
        await settle(pilot)
        assert [h.paragraph_id for h in app.screen.hits] == [h.paragraph_id for h in search(seeded, "the Istanbul")]


def library_cells(app, title_start: str) -> dict[str, str]:
    table = app.screen.query_one(DataTable)
    index = next(i for i, t in enumerate(library_titles(app)) if t.startswith(title_start))
    keys = [column.value for column in table.columns]
    return {key: str(cell) for key, cell in zip(keys, table.get_row_at(index))}


async def test_the_library_shows_what_was_read_and_tagged_when_it_comes_back(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert library_cells(app, "Over 107,000")["read"] == "●"
        await open_doc(pilot, "Over 107,000")
        await pilot.press("t", *"casualties", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        row = library_cells(app, "Over 107,000")
        assert row["read"] == " " and row["tags"] == "1"


async def test_the_library_also_updates_the_articles_stepped_to_with_brackets(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert library_cells(app, "Moscow and Kiev")["read"] == " "
        assert library_cells(app, "US to cut Ukraine aid")["read"] == " "
        assert library_cells(app, "EU wants")["read"] == "●"


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_paragraph_keys_stop_at_the_first_and_last_paragraph(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        assert cursor_n(screen) == 1
        await pilot.press("k")
        assert cursor_n(screen) == 1
        await pilot.press("up")
        assert cursor_n(screen) == 1
        assert "First paragraph" in notices(app)
        await pilot.press("G", "j", "down")
        assert cursor_n(screen) == 9
        assert "Last paragraph" in notices(app)


async def test_brackets_say_when_there_is_no_article_further(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("right_square_bracket")
        assert screen.data.doc.title.startswith("Over 107,000")
        assert "Last article" in notices(app)
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("left_square_bracket")
        assert screen.data.doc.title.startswith("Moscow and Kiev")
        assert "First article" in notices(app)


async def test_the_figure_kind_drop_down_shows_the_kinds_at_once(app) -> None:
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, Select)
        await pilot.press("enter")
        await pilot.pause()
        overlay = app.screen.query_one(SelectOverlay)
        assert overlay.display
        assert overlay.option_count > 5
        assert overlay.size.height >= min(overlay.option_count, 10)


async def test_counts_of_one_are_singular_in_the_reader(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"107,000")
        await pilot.pause(0.3)
        await settle(pilot)
        assert str(app.screen.query_one("#library-status", Static).render()).startswith("1 document ·")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "1 ¶ repeats earlier text" in str(app.screen.query_one("#article-header").content)


async def test_the_article_header_names_the_author(seeded, tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text("Drones hit Kyiv\nBy Anna Petrova, Reuters\n12 March 2025\n\n"
                                       "Air defences shot down 74 of 117 drones overnight, officials said.\n", encoding="utf-8")
    assert load_paths(seeded, [tmp_path]).ok
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Drones hit Kyiv")
        assert "By Anna Petrova · Reuters · 2025-03-12" in str(screen.query_one("#article-header").content)


async def test_export_from_the_app_with_nothing_tagged_says_so_and_writes_nothing(seeded, tmp_path: Path) -> None:
    app = TearsheetApp(seeded, resume=False, export_dir=str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.pause(0.2)
        assert any(m.startswith("Nothing to export") for m in notices(app))
        assert not any(n.title == "Exported" for n in app._notifications)
        assert isinstance(app.screen, LibraryScreen)
    assert list((tmp_path / "out").iterdir()) == []


async def test_export_from_the_app_of_a_tag_the_collection_lacks_says_so_and_keeps_the_dialog(seeded, tmp_path: Path) -> None:
    from store.annotations import tag_paragraph
    from tui.screens.export import ExportModal

    tag_paragraph(seeded, seeded.execute("select id from paragraphs where n = 1").fetchone()[0], ["drones"])
    app = TearsheetApp(seeded, resume=False, export_dir=str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#export-tags").focus()
        await pilot.press(*"nope, Drones", "enter")
        await settle(pilot)
        await pilot.pause(0.2)
        assert any(m.startswith("No tag “nope” in the collection (its tags: drones)") for m in notices(app))
        assert isinstance(app.screen, ExportModal)
    assert list((tmp_path / "out").iterdir()) == []


async def test_typing_fts_syntax_in_search_never_crashes(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", '"')
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and app.is_running
        assert str(search.query_one("#search-status", Static).render()) == NOTHING_FOUND
        await pilot.press(*'Istanbul AND (')
        await settle(pilot)
        # Left open, the quote makes a phrase of what follows it, and no paragraph reads "Istanbul and".
        assert app.is_running and not search.hits
        await pilot.press("home", "delete")
        await settle(pilot)
        assert app.is_running and search.hits
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.hits


async def test_figure_home_and_end_go_to_the_first_and_last_row(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        table = app.screen.query_one("#figure-table", DataTable)
        assert app.focused is table and table.row_count > 10
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor_row == table.row_count - 1 and table.scroll_x == 0
        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_x == 0
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0


async def test_figure_values_fit_their_column_with_the_currency(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        table = app.screen.query_one("#figure-table", DataTable)
        width = table.columns[ColumnKey("value")].width
        values = [str(v) for v in table.get_column("value")]
        assert "300 billion USD" in values
        assert max(map(len, values)) <= width


async def test_the_figures_sort_key_reaches_a_timeline_of_the_dates_figures_name(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        status = screen.query_one("#figure-status", Static)
        assert "sorted by value" in str(status.render())
        await pilot.press("s")
        await settle(pilot)
        assert screen.sort == "when"
        assert "sorted by when: the date a figure names, earliest first (s)" in str(status.render())
        dated = [r.figure.resolved for r in screen.rows if r.figure.resolved and r.figure.resolved[:4].isdigit()]
        assert len(dated) > 10 and [r.figure.resolved for r in screen.rows[: len(dated)]] == sorted(dated)
        await pilot.press("s")
        await settle(pilot)
        assert "sorted by published: the article's date, newest first" in str(status.render())
    from tui.screens.help import help_markdown

    assert "by **when**, the date a figure names, earliest first" in help_markdown()


def assert_each_figure_shows_its_document_and_date(screen: FiguresScreen) -> None:
    """Every row in the table's window, drawn without scrolling sideways, shows its published date and its
    document's outlet and title cut to the document column, which takes the width the other columns leave."""
    table = screen.query_one("#figure-table", DataTable)
    assert sum(c.get_render_width(table) for c in table.columns.values()) == table.scrollable_content_region.width
    assert table.max_scroll_x == 0
    lines = [table.render_line(y).text for y in range(table.header_height, table.scrollable_content_region.height)]
    assert len(lines) > 10
    width = table.columns[ColumnKey("doc")].width
    for row, line in zip(screen.rows[int(table.scroll_y):], lines):
        document = f"¶{row.paragraph} {row.source} · {row.title}" if row.source else f"¶{row.paragraph} {row.title}"
        assert row.published in line and clipped(document, width) in line, line


async def test_an_80_column_figure_list_shows_each_figures_document_and_date(app) -> None:
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert_each_figure_shows_its_document_and_date(app.screen)


async def test_the_figure_columns_fit_the_terminal_again_when_it_is_resized(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("j", "j", "j")
        table = app.screen.query_one("#figure-table", DataTable)
        for width, with_kind in ((160, True), (100, True), (80, False), (120, True), (82, False)):
            await pilot.resize_terminal(width, 30)
            await settle(pilot)
            assert_each_figure_shows_its_document_and_date(app.screen)
            assert (ColumnKey("kind") in table.columns) == with_kind
            assert table.cursor_row == 3


def test_the_figure_document_column_takes_what_the_others_leave_and_the_kind_goes_first() -> None:
    from tui.screens.figures import DOCUMENT_WIDTH, fitted_columns

    with_kind = []
    for width in range(78, 240):
        columns = fitted_columns(width, padding=1)
        assert sum(c.width + 2 for c in columns) == width
        assert columns[-1].key == "doc" and columns[-1].width >= DOCUMENT_WIDTH
        if columns[0].key == "kind":
            with_kind.append(width)
    assert with_kind == list(range(with_kind[0], 240)) and with_kind[0] <= 98


async def test_the_figure_kinds_count_with_thousands_separators(app, monkeypatch) -> None:
    from textual.widgets import Select

    monkeypatch.setattr("tui.screens.figures.figure_kinds", lambda db: [("date", 213975), ("count", 7)])
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        prompts = [str(prompt) for prompt, _ in app.screen.query_one(Select)._options]
        assert "date (213,975)" in prompts and "count (7)" in prompts


@pytest.mark.parametrize("width", [80, 100, 160])
async def test_the_library_outlet_column_fits_the_outlets_listed_and_leaves_the_title_the_rest(seeded, width: int) -> None:
    from textual.widgets import DataTable
    from textual.widgets.data_table import ColumnKey

    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        columns = app.screen.query_one("#documents", DataTable).columns
        assert columns[ColumnKey("outlet")].width == len("Russia Today")
        assert columns[ColumnKey("title")].width >= 36


async def test_the_library_does_not_scroll_sideways_into_blank_columns_after_a_resize(seeded) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert table.max_scroll_x == 0
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert table.max_scroll_x == 0


async def test_palette_names_the_screen_in_front_for_commands_screens_share(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen)
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert helps["Back"] == "esc  ·  Figures" and helps["Down"] == "j  ·  Figures"
        assert helps["Search"] == "/  ·  Everywhere"


def one_article(tmp_path: Path, text: str) -> sqlite_utils.Database:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    assert load_paths(db, [folder]).ok
    return db


async def searched_and_opened(pilot, words: str) -> ArticleScreen:
    await settle(pilot)
    await pilot.press("slash", *words)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen


async def test_next_hit_says_when_the_hits_are_only_in_hidden_lines(tmp_path: Path) -> None:
    db = one_article(tmp_path, "Zebra crossing report\n\nThe council met on Monday about the road.\n\n"
                               "It will decide next week.\n")
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await searched_and_opened(pilot, "zebra")
        assert screen.hits
        await pilot.press("n")
        assert "Search hits here: 1 ¶ in the title (h shows it)" in notices(app)
        await pilot.press("h", "n")
        view = screen.cursor_view()
        assert view is not None and view.id in screen.hits
    db.close()


async def test_the_header_counts_the_hits_n_reaches_and_says_how_many_hidden_lines_hold(tmp_path: Path) -> None:
    db = one_article(
        tmp_path,
        "Zebra crossing report\n\nBy Jane Doe, zebra correspondent\n\n"
        "The council met on Monday about the zebra crossing on Maple Road.\n\nSubscribe to our zebra newsletter\n\n"
        "It will decide next week whether the crossing stays.\n\n"
        "Residents said the zebra markings had faded badly over the winter.\n\nShare this zebra story on WhatsApp\n")
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await searched_and_opened(pilot, "zebra")
        assert len(screen.hits) == 6

        async def stepped_to() -> set[int]:
            reached = set()
            for _ in range(8):
                await pilot.press("n")
                reached.add(screen.cursor_view().id)
            return reached

        def header() -> str:
            return str(screen.query_one("#article-header").content)

        assert "“zebra”: 2 ¶ (n/N), 4 more in the title and other hidden lines (h shows them)" in header()
        assert len(await stepped_to()) == 2
        await pilot.press("h")
        assert "“zebra”: 6 ¶ (n/N)" in header() and "more" not in header()
        assert await stepped_to() == set(screen.hits)
        await pilot.press("h")
        assert "“zebra”: 2 ¶ (n/N), 4 more" in header()
    db.close()


async def test_the_help_tables_take_one_line_a_key(app) -> None:
    from textual.widgets._markdown import MarkdownTableContent

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        tables = list(app.screen.query(MarkdownTableContent))
        assert len(tables) == 7
        for table in tables:
            assert table.size.height == len(table.rows) + 1


def test_an_export_under_the_home_folder_is_named_from_the_tilde() -> None:
    from tui.app import shown_path

    assert shown_path(Path.home() / "Downloads" / "notes.csv") == "~/Downloads/notes.csv"
    assert shown_path(Path("/srv/notes.csv")) == "/srv/notes.csv"


async def test_library_counts_too_long_for_their_column_are_shortened_not_cut(tmp_path: Path) -> None:
    lines = ["date 2025-05-11 Live: the war"]
    lines += [f"Update {i}: 40 drones, 3 missiles and $2 million in aid." for i in range(2_500)]
    (tmp_path / "live.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = open_db(tmp_path / "t.db")
    assert load_paths(db, [tmp_path / "live.txt"]).ok
    figures = db.execute("select count(*) from figures").fetchone()[0]
    assert figures >= 10_000
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        cell = table.get_cell_at((0, table.get_column_index("figures")))
        assert cell.plain == f"{figures // 1000}k"
        assert len(cell.plain) <= table.columns[ColumnKey("figures")].width
    db.close()



async def test_a_copy_whose_figures_differ_stays_open_when_repeats_fold_and_says_what_differs(tmp_path) -> None:
    from store.db import open_db
    from store.load import load_paths

    swap = ("Russia's defence ministry said the exchange would include {} civilians held since the first weeks of "
            "the war, and that the handover would take place at the border in the coming days.")
    other = "Officials in Kyiv said the list of names had been agreed after weeks of talks mediated by the UAE."
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a_wire.txt").write_text(
        f"Prisoner swap agreed\n\nReuters\n\n2025-03-05\n\n{swap.format(150)}\n\n{other}\n", encoding="utf-8")
    (folder / "b_copy.txt").write_text(
        f"Prisoner swap agreed\n\nDaily Mirror\n\n2025-03-06\n\n{swap.format(120)}\n\n{other}\n", encoding="utf-8")
    db = open_db(tmp_path / "w.db")
    assert load_paths(db, [folder]).ok
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        copy_doc = db.execute("select id from documents where source = 'Daily Mirror'").fetchone()[0]
        app.open_article(copy_doc)
        await settle(pilot)
        screen = app.screen
        changed, same = (next(v for v in screen.shown if text in v.text) for text in ("120 civilians", "UAE"))
        assert changed.repeat.changed_figures == (("150", "120"),) and same.repeat.changed_figures == ()
        await pilot.press("z")
        assert screen._fold_label(same) is not None and screen._fold_label(changed) is None
        said = screen._differs_label(changed)
        assert said == "repeat of ¶1 in “Prisoner swap agreed” (Reuters), figures differ: 150 → 120"
        assert said in str(screen._visual(changed).body)
        assert notices(app)[-1] == ("Repeats folded: 1 copy of earlier text on one line each; "
                                    "1 copy left open, its figures or words differ (z unfolds)")
        await pilot.press("z")
        assert screen._differs_label(changed) is None
    db.close()


async def test_a_copy_that_adds_a_sentence_stays_open_and_one_that_drops_a_sentence_folds_saying_so(tmp_path) -> None:
    """Both score 100 (one text holds the other): folded, the sentence a later copy adds would be hidden."""
    from store.db import open_db
    from store.load import load_paths

    lead = ("Russia launched 150 drones at Kyiv overnight, damaging power stations across the capital and leaving "
            "thousands without electricity, officials said on Tuesday.")
    more = " Mayor Vitali Klitschko urged residents to stay in shelters until the all-clear was given."
    aid = ("Western partners pledged new air defence systems after the attack, the foreign ministry said. It was the "
           "largest such pledge since the spring, and the first since the talks in Istanbul broke down, officials said.")
    folder = tmp_path / "wire"
    folder.mkdir()
    for name, title, source, day, text in (("a", "Drones hit Kyiv overnight", "Reuters", 3, f"{lead}\n\n{aid}{more}"),
                                           ("b", "Kyiv hit by drones again", "AP", 4, lead + more),
                                           ("c", "Kyiv dark after strikes", "AFP", 5, f"{lead}\n\n{aid}")):
        (folder / f"{name}.txt").write_text(f"{title}\n\n{source}\n\n2025-06-0{day}\n\n{text}\n", encoding="utf-8")
    db = open_db(tmp_path / "w.db")
    assert load_paths(db, [folder]).ok
    app = TearsheetApp(db, resume=False)
    said = {}
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        for source in ("AP", "AFP"):
            app.open_article(db.execute("select id from documents where source = ?", [source]).fetchone()[0])
            await settle(pilot)
            screen = app.screen
            await pilot.press("z")
            for view in screen.shown:
                if view.n is not None:
                    said[source, view.n] = (screen._fold_label(view), screen._differs_label(view))
            await pilot.press("escape")
            await settle(pilot)
    db.close()
    assert said == {
        ("AP", 1): (None, "repeat of ¶1 in “Drones hit Kyiv overnight”, adds “Mayor Vitali Klitschko urged residents "
                          "to stay in shelters …”"),
        ("AFP", 1): ("repeat of ¶1 in “Drones hit Kyiv overnight”, 100%", None),
        ("AFP", 2): ("repeat of ¶2 in “Drones hit Kyiv overnight”, 100%, 14 words fewer", None),
    }


async def test_a_phrase_searched_for_is_quoted_once_in_the_header(tmp_path: Path) -> None:
    db = one_article(tmp_path, "Zebra crossing report\n\nThe council met on Monday about the zebra crossing on Maple Road.\n")
    app = TearsheetApp(db, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await searched_and_opened(pilot, '"zebra crossing"')
        header = str(screen.query_one("#article-header").content)
        assert '· "zebra crossing": 1 ¶' in header and "“\"" not in header
    db.close()


async def test_the_article_says_when_a_reload_took_out_a_tagged_paragraph(app, seeded, folder: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("j", "t", *"hungary", "enter")
        await settle(pilot)
        header = lambda: str(screen.query_one("#article-header").content)  # noqa: E731
        assert screen.cursor_view().text.startswith("Hungary cancelled") and "lost" not in header()
        blog = next(folder.glob("000_*.txt"))
        kept = [line for line in blog.read_text(encoding="utf-8").split("\n") if "Hungary cancelled" not in line]
        blog.write_text("\n".join(kept), encoding="utf-8")
        assert load_paths(seeded, [folder]).ok
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "⚠ a tag or note lost its paragraph (T lists orphans)" in header()


async def test_one_enter_after_moving_down_from_the_counted_box_opens_that_figures_paragraph(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("c", *"soldier")
        await settle(pilot)
        figures = app.screen
        assert isinstance(figures, FiguresScreen) and len(figures.rows) > 2
        await pilot.press("down")
        second = figures.rows[1]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.cursor_view().id == second.paragraph_id


async def test_one_enter_after_moving_down_from_the_library_filter_opens_that_article(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"ukraine")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.data.doc.title == "EU wants to prolong Ukraine conflict"


async def test_enter_typed_at_once_in_the_library_filter_opens_a_row_the_filter_keeps(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"107,000", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.data.doc.title.startswith("Over 107,000")


async def test_keys_held_at_an_edge_leave_one_notice_up(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Moscow and Kiev")
        await pilot.press("G", *["j"] * 10)
        assert notices(app).count("Last paragraph") == 1
        await pilot.press(*["k"] * 12)
        assert notices(app).count("First paragraph") == 1
        await pilot.press(*["left_square_bracket"] * 3)
        assert screen.data.doc.title.startswith("Moscow and Kiev")
        assert notices(app).count("First article") == 1
