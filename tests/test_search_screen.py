"""The Search screen reads on past its first page: G, end and paging down reach the last hit, and the count says
how many there are once it knows."""

from __future__ import annotations

import threading

import pytest
import sqlite_utils
from textual.widgets import Static

from store.queries import search_page
from tui.app import TearsheetApp
from tui.screens.search import FIRST_PAGE, SearchScreen

SIZE = (100, 30)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def status(screen: SearchScreen) -> str:
    return str(screen.query_one("#search-status", Static).render())


def every_zebra(db: sqlite_utils.Database) -> list[int]:
    return [row[0] for row in db.execute("select rowid from paragraphs_fts where paragraphs_fts match 'zebra' order by rowid")]


async def search_zebras(pilot) -> SearchScreen:
    await settle(pilot)
    await pilot.press("slash", *"zebra")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    return screen


@pytest.fixture
def few_ranked(monkeypatch) -> None:
    """Only the newest 40 matches ranked, so the pages after the first run past them into those not counted yet."""
    from tui.screens import search as search_screen

    monkeypatch.setattr(search_screen, "RANK_WITHIN", 40)


@pytest.mark.parametrize("key", ["G", "end"])
async def test_the_last_hit_key_reads_on_to_the_last_hit_and_the_count_becomes_exact(zebras, few_ranked, key: str) -> None:
    app = TearsheetApp(zebras, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_zebras(pilot)
        assert len(screen.hits) == FIRST_PAGE and status(screen) == f"{FIRST_PAGE}+ paragraphs"
        await pilot.press("tab", key)
        await settle(pilot)
        hits = screen.query_one("#hits")
        assert hits.option_count == len(screen.hits) == 250
        assert hits.highlighted == 249
        assert sorted(h.paragraph_id for h in screen.hits) == every_zebra(zebras)
        assert status(screen) == "250 paragraphs"


async def test_paging_down_reads_on_page_by_page_to_the_last_hit(zebras, few_ranked) -> None:
    app = TearsheetApp(zebras, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_zebras(pilot)
        hits = screen.query_one("#hits")
        await pilot.press("tab")
        counts = []
        for _ in range(60):
            await pilot.press("pagedown")
            await settle(pilot)
            counts.append(status(screen))
            if hits.highlighted == 249:
                break
        assert hits.highlighted == 249 and len(screen.hits) == 250
        assert counts[0] == "40+ paragraphs" and "140+ paragraphs" in counts and counts[-1] == "250 paragraphs"
        assert [h.paragraph_id for h in screen.hits] == every_zebra(zebras)[-40:] + every_zebra(zebras)[-41::-1]


async def test_the_count_is_exact_at_once_when_every_match_is_ranked(zebras) -> None:
    app = TearsheetApp(zebras, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_zebras(pilot)
        assert screen.query_one("#hits").option_count == FIRST_PAGE
        assert status(screen) == "250 paragraphs"
        await pilot.press("tab", "G")
        await settle(pilot)
        assert [h.paragraph_id for h in screen.hits] == every_zebra(zebras)
        assert screen.query_one("#hits").highlighted == 249


async def test_pages_still_coming_for_a_search_typed_over_are_dropped(zebras) -> None:
    app = TearsheetApp(zebras, resume=False)
    later_pages = threading.Event()
    store = app.store

    def slow_after_the_first_page(fn, *args, **kwargs):
        if fn is search_page and args[0].taken:
            later_pages.wait(10)
        return store(fn, *args, **kwargs)

    app.store = slow_after_the_first_page
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_zebras(pilot)
        await pilot.press("tab", "G")
        screen.focus_query()
        await pilot.press("end", *" morning")
        for _ in range(200):
            if screen.query_text == "zebra morning":
                break
            await pilot.pause(0.05)
        later_pages.set()
        await settle(pilot)
        assert screen.query_one("#hits").option_count == len(screen.hits) == FIRST_PAGE
        assert len({h.paragraph_id for h in screen.hits}) == FIRST_PAGE
        assert status(screen) == "250 paragraphs"


async def test_the_last_hit_key_reads_a_step_at_a_time_and_says_what_the_next_press_reads(zebras, monkeypatch) -> None:
    from tui.screens import search as search_screen

    monkeypatch.setattr(search_screen, "BOTTOM_STEP", 100)
    app = TearsheetApp(zebras, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_zebras(pilot)
        await pilot.press("tab", "G")
        await settle(pilot)
        assert "140 hits loaded: G again for the next 100" in [n.message for n in app._notifications]
        assert screen.query_one("#hits").highlighted == 139
        await pilot.press("G")
        await settle(pilot)
        assert screen.query_one("#hits").highlighted == 249


def searches_held_back(app: TearsheetApp) -> threading.Event:
    """Every search begun waits for the event, as a slow search does: keys pressed meanwhile come first."""
    from store.queries import begin_search

    let_through = threading.Event()
    store = app.store

    def waiting(fn, *args, **kwargs):
        if fn is begin_search:
            let_through.wait(10)
        return store(fn, *args, **kwargs)

    app.store = waiting
    return let_through


async def opened_paragraph(pilot) -> str:
    from tui.screens.article import ArticleScreen

    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen.cursor_view().text


async def test_enter_typed_over_an_earlier_query_opens_the_hit_of_the_new_one(seeded) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Istanbul", "enter")
        assert "Istanbul" in await opened_paragraph(pilot)
        await pilot.press("escape")
        await settle(pilot)
        held = searches_held_back(app)
        await pilot.press(*"Putin", "enter")
        assert isinstance(app.screen, SearchScreen) and app.screen.query_text == "Istanbul"
        held.set()
        assert "Putin" in await opened_paragraph(pilot)


async def test_enter_typed_before_any_hits_came_opens_the_first_hit_when_they_come(seeded) -> None:
    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        held = searches_held_back(app)
        await pilot.press("slash", *"Istanbul", "enter")
        assert isinstance(app.screen, SearchScreen) and not app.screen.hits
        held.set()
        assert "Istanbul" in await opened_paragraph(pilot)


async def test_enter_on_a_query_matching_nothing_says_so(seeded) -> None:
    from tui.screens.search import NO_MATCHES

    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        held = searches_held_back(app)
        await pilot.press("slash", *"xylophonist", "enter")
        held.set()
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert NO_MATCHES in [n.message for n in app._notifications]


async def test_slash_on_the_search_screen_selects_the_query_instead_of_typing_it(seeded) -> None:
    from textual.widgets import Input

    app = TearsheetApp(seeded, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Istanbul")
        await settle(pilot)
        screen = app.screen
        query = screen.query_one("#query", Input)
        await pilot.press("slash")
        assert query.value == "Istanbul" and app.focused is query
        await pilot.press(*"Putin")
        await settle(pilot)
        assert query.value == "Putin" and screen.query_text == "Putin"
        await pilot.press("tab", "slash")
        assert app.focused is query and query.value == "Putin"
        await pilot.press(*"Kiev")
        assert query.value == "Kiev"
