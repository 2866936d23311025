"""Every list stops at its ends; search keeps typing after a hit; the library's G says what it loaded."""

from __future__ import annotations


import pytest
from textual.widgets import Input

from store.annotations import tag_paragraph
from store.load import load_paths
from tests.conftest import para
from tests.test_app import cursor_n, notices, open_doc, settle
from tui.app import TearsheetApp
from tui.screens.article import ArticleScreen
from tui.screens.search import SearchScreen


@pytest.fixture
def app(seeded) -> TearsheetApp:
    return TearsheetApp(seeded, resume=False)


async def test_tags_stop_at_the_first_and_last_tag(app, seeded) -> None:
    from tui.screens.tags import TagsScreen

    for n, tag in ((1, "aid"), (2, "border"), (3, "casualties")):
        tag_paragraph(seeded, para(seeded, n)[0], [tag])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TagsScreen) and screen.left.highlighted == 0
        await pilot.press("k")
        assert screen.left.highlighted == 0
        await pilot.press("up")
        assert screen.left.highlighted == 0
        await pilot.press("j", "j", "j", "down")
        assert screen.left.highlighted == 2
        await pilot.press("g")
        assert screen.left.highlighted == 0
        await pilot.press("G")
        assert screen.left.highlighted == 2


async def test_repeats_stop_at_the_first_group_and_the_last_copy(seeded, tmp_path) -> None:
    copied = [text for (text,) in seeded.execute(
        "select text from paragraphs where kind = 'body' and length(text) > 150 order by id limit 3")]
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "syndicated.txt").write_text("Syndicated copy\n\n" + "\n\n".join(copied) + "\n", encoding="utf-8")
    load_paths(seeded, [tmp_path / "more"])
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        assert screen.left.highlighted == 0 and len(screen.groups) > 1
        await pilot.press("k", "up")
        assert screen.left.highlighted == 0
        await settle(pilot)
        await pilot.press("enter")
        last = screen.right.option_count - 1
        await pilot.press(*["j"] * (last + 2), "down")
        assert screen.right.highlighted == last
        await pilot.press(*["k"] * (last + 2), "up")
        assert screen.right.highlighted == 0


async def test_figures_panel_stops_at_its_ends(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("p")
        panel = screen.query_one("#figures-panel")
        panel.highlighted = 0
        await pilot.press("up")
        assert panel.highlighted == 0
        panel.highlighted = panel.option_count - 1
        await pilot.press("down")
        assert panel.highlighted == panel.option_count - 1


async def search_for(pilot, words: str) -> SearchScreen:
    await pilot.press("slash", *words)
    await settle(pilot)
    assert isinstance(pilot.app.screen, SearchScreen) and pilot.app.screen.hits
    return pilot.app.screen


async def test_search_results_move_with_the_list_keys_and_stop_at_their_ends(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        search = await search_for(pilot, "Ukraine")
        hits = search.query_one("#hits")
        last = hits.option_count - 1
        assert last >= 2
        await pilot.press("tab")
        assert app.focused is hits and hits.highlighted == 0
        await pilot.press("k", "up")
        assert hits.highlighted == 0
        await pilot.press("j", "down")
        assert hits.highlighted == 2
        await pilot.press("G")
        assert hits.highlighted == last
        await pilot.press("j", "down")
        assert hits.highlighted == last
        await pilot.press("g")
        assert hits.highlighted == 0


async def test_arrows_in_the_query_move_through_the_results(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        search = await search_for(pilot, "Ukraine")
        await pilot.press("down", "down", "up")
        assert search.query_one("#query", Input).value == "Ukraine"
        assert search.query_one("#hits").highlighted == 1


async def test_typing_goes_on_in_the_query_after_coming_back_from_a_hit(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        search = await search_for(pilot, "Istanbul")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is search
        query = search.query_one("#query", Input)
        assert app.focused is query and query.value == "Istanbul"
        assert search.query_one("#hits").highlighted == 1
        await pilot.press(*"Kiev")
        await settle(pilot)
        assert query.value == "Kiev" and search.query_text == "Kiev" and search.hits


async def test_bottom_says_how_many_are_loaded_and_when_all_are(seeded, monkeypatch) -> None:
    import tui.screens.library as library_module

    monkeypatch.setattr(library_module, "FIRST_PAGE", 1)
    monkeypatch.setattr(library_module, "PAGE", 1)
    monkeypatch.setattr(library_module, "BOTTOM_STEP", 1)
    # Only G reads more here: reading ahead near the last row would add pages as fast as the machine allows.
    monkeypatch.setattr(library_module, "READ_AHEAD_ROWS", 0)
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        library = app.screen
        assert library.total == 5 and len(library.rows) == 1
        await pilot.press("G")
        await settle(pilot)
        assert len(library.rows) == 2
        assert notices(app) == ["2 of 5 documents loaded: G again for the next 1"]
        status = str(library.query_one("#library-status").content)
        assert status.startswith("5 documents · sorted by date") and "2 read so far (G reads on)" in status
        for _ in range(3):
            await pilot.press("G")
            await settle(pilot)
        assert len(library.rows) == 5
        assert notices(app) == ["All 5 documents loaded"]
        assert str(library.query_one("#library-status").content).startswith("5 documents")


@pytest.mark.parametrize(("size", "shown"), [(2, "≡2"), (99, "≡99"), (100, "≡99+"), (569, "≡99+")])
def test_the_gutter_says_when_the_repeat_count_is_capped(size: int, shown: str) -> None:
    from store.reading import ParagraphView, RepeatMark
    from tui.widgets.paragraph import GUTTER, _gutter

    repeat = RepeatMark(group_id=1, size=size, score=100.0, representative_id=1, representative_doc=1,
                        representative_n=1, is_representative=False)
    view = ParagraphView(id=2, n=123, position=0, kind="body", text="x", tags=["a"], note="n", repeat=repeat)
    gutter = _gutter(view)
    assert shown in gutter.plain and gutter.plain.split(shown)[1][:1] in ("●", "")
    assert gutter.cell_length <= GUTTER


async def test_next_copy_is_scrolled_to_the_top_of_the_view(app) -> None:
    from tui.screens.article import ParagraphList

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_doc(pilot, "Over 107,000")
        await pilot.press("r")
        await settle(pilot)
        assert cursor_n(screen) == 16
        paragraphs = screen.query_one(ParagraphList)
        top_line = paragraphs._index_to_line[paragraphs.highlighted]
        assert paragraphs.max_scroll_y > top_line
        assert paragraphs.scroll_y == top_line


async def test_home_and_end_go_to_the_first_and_last_document(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents")
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor_row == len(app.screen.rows) - 1 > 0
        assert table.scroll_x == 0
        await pilot.press("home")
        await settle(pilot)
        assert table.cursor_row == 0
