"""What the main screens look like on the seeds at 100x30; SVGs under tests/__snapshots__ are reviewed by eye."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tui.app import TearsheetApp

SIZE = (100, 30)


@pytest.fixture
def app(seeded) -> TearsheetApp:
    Input.cursor_blink = False
    return TearsheetApp(seeded, resume=False)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_library(app, snap_compare) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle)


def test_article(app, snap_compare) -> None:
    async def open_article(pilot) -> None:
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("j")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_article)


def test_search(app, snap_compare) -> None:
    async def search(pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"Istanbul")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=search)


def test_help(app, snap_compare) -> None:
    async def help_screen(pilot) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=help_screen)


async def _figures(pilot) -> None:
    await _settle(pilot)
    await pilot.press("F")
    await _settle(pilot)


def test_figures(app, snap_compare) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=_figures)


def test_figures_at_80x30(app, snap_compare) -> None:
    assert snap_compare(app, terminal_size=(80, 30), run_before=_figures)


def test_article_at_80x24(app, snap_compare) -> None:
    async def open_article(pilot) -> None:
        await _settle(pilot)
        await pilot.press("G", "enter")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_article)


def test_library_at_80x24(app, snap_compare) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)
