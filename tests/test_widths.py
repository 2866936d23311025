"""What fits at 80 columns: titles worth reading in the library, and whole keys in every footer, the most
important kept; at 120 columns the library keeps every column."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable
from textual.widget import Widget
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup
from textual.widgets.data_table import ColumnKey

from store.load import load_paths
from tests.test_app import open_doc, settle
from tui.app import TearsheetApp
from tui.screens.library import Widest, library_columns
from tui.widgets.footer import TRAILING_BLANK, KeysFooter


@pytest.fixture
def app(seeded) -> TearsheetApp:
    return TearsheetApp(seeded, resume=False)


def footer_keys(app) -> list[FooterKey]:
    return [k for k in app.screen.query_one(KeysFooter).query_children(FooterKey) if k.display]


def footer_shown(app) -> list[Widget]:
    """The footer's keys, key groups and group labels on screen, in order, the palette's key last."""
    return [w for w in app.screen.query_one(KeysFooter).children if w.display]


def footer_said(app) -> list[str]:
    said: list[str] = []
    for widget in footer_shown(app):
        if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
            said.append(f"{widget.key_display} {widget.description}")
        elif isinstance(widget, KeyGroup):
            said.append(" ".join(key.key_display for key in widget.query_children(FooterKey)))
        elif isinstance(widget, FooterLabel):
            said[-1] += f" {widget.render()}"
    return said


def assert_every_key_whole(app) -> None:
    [palette] = [k for k in footer_keys(app) if k.has_class("-command-palette")]
    for widget in footer_shown(app):
        if widget is not palette:
            assert widget.region.width > 0 and widget.region.right - TRAILING_BLANK <= palette.region.x, str(widget)


LONG_OUTLETS = ("Radio Free Europe/Radio Liberty", "The Washington Post", "Deutsche Welle")


@pytest.fixture
def long_outlets(seeded, tmp_path: Path) -> TearsheetApp:
    """The seeds and three articles by outlets with long names, in the same real database file."""
    folder = tmp_path / "outlets"
    folder.mkdir()
    for i, outlet in enumerate(LONG_OUTLETS, start=1):
        (folder / f"aid{i}.txt").write_text(
            f"Officials weigh a new aid package for the region, part {i}\n\nBy Jane Doe, {outlet}\n\nMay 1{i}, 2025\n\n"
            f"Officials met on Monday to discuss a new aid package worth ${i}00 million, the ministry said.\n",
            encoding="utf-8")
    assert load_paths(seeded, [folder]).ok
    assert {r[0] for r in seeded.execute("select source from documents")} >= set(LONG_OUTLETS)
    return TearsheetApp(seeded, resume=False)


def column_keys(app) -> list[str]:
    return [key.value for key in app.screen.query_one("#documents", DataTable).columns]


async def test_at_80_columns_the_library_title_takes_the_room_of_the_paragraph_and_figure_counts(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert column_keys(app) == ["read", "title", "outlet", "date", "tags", "new"]
        assert table.columns[ColumnKey("title")].width >= 36
        assert sum(c.get_render_width(table) for c in table.columns.values()) < table.size.width
        assert "Over 107,000 Russian soldiers killed in" in str(table.get_row_at(4)[1])


async def test_at_120_columns_the_library_keeps_every_column(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert column_keys(app) == ["read", "title", "outlet", "date", "paragraphs", "figures", "tags", "new"]
        assert [table.columns[ColumnKey(k)].width for k in column_keys(app)] == [1, 68, 12, 10, 2, 3, 3, 4]


async def test_a_title_takes_the_width_the_outlet_and_the_counts_do_not_need(app) -> None:
    title = "Over 107,000 Russian soldiers killed in Ukraine identified by media investigation"
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"107")
        await pilot.pause(0.3)
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert [row.display_title for row in app.screen.rows] == [title]
        assert column_keys(app) == ["read", "title", "date", "paragraphs", "figures", "tags", "new"]
        assert table.columns[ColumnKey("title")].width >= len(title)
        assert sum(c.get_render_width(table) for c in table.columns.values()) < table.size.width
        assert f" {title} " in table.render_line(table.header_height).text


@pytest.mark.parametrize(("width", "whole", "title_at_least"), [
    (200, LONG_OUTLETS, 75), (120, ("The Washington Post", "Deutsche Welle", "Russia Today"), 50),
])
async def test_a_wide_library_shows_outlets_whole_and_keeps_the_title_most_of_the_room(
    long_outlets: TearsheetApp, width: int, whole: tuple[str, ...], title_at_least: int,
) -> None:
    app = long_outlets
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert table.columns[ColumnKey("outlet")].width >= max(map(len, whole))
        assert table.columns[ColumnKey("title")].width >= title_at_least
        assert sum(c.get_render_width(table) for c in table.columns.values()) < table.size.width


async def test_at_80_columns_the_outlet_takes_the_room_the_title_can_spare(long_outlets: TearsheetApp) -> None:
    app = long_outlets
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert table.columns[ColumnKey("title")].width >= 36
        assert table.columns[ColumnKey("outlet")].width >= len("Russia Today")
        assert sum(c.get_render_width(table) for c in table.columns.values()) < table.size.width


@pytest.mark.parametrize(("others", "widths"), [
    ({"date": 10, "paragraphs": 2, "figures": 2, "tags": 0, "new": 4}, [10, 2, 3, 3, 4]),
    ({"date": 0, "paragraphs": 5, "figures": 4, "tags": 1, "new": 4}, [4, 4, 4, 3, 4]),
])
def test_the_date_and_counts_are_as_wide_as_their_values_need_and_the_title_takes_the_rest(
    others: dict[str, int], widths: list[int],
) -> None:
    columns = library_columns(120, 1, Widest(title=90, outlet=12, others=others))
    assert [c.width for c in columns[3:]] == widths
    assert columns[1].width == 63 + 27 - sum(widths) and sum(c.width + 2 for c in columns) == 119


@pytest.mark.parametrize(("widest", "outlet", "title"), [
    (Widest(title=40, outlet=31), 31, 44), (Widest(title=82, outlet=31), 25, 50), (Widest(title=82, outlet=12), 12, 63),
    (Widest(title=20, outlet=0), 6, 69),
])
def test_a_long_outlet_takes_the_room_the_titles_leave_else_a_third(widest: Widest, outlet: int, title: int) -> None:
    columns = {c.key: c.width for c in library_columns(120, 1, widest)}
    assert (columns["outlet"], columns["title"]) == (outlet, title)


async def test_the_outlet_column_is_as_wide_as_the_longest_outlet_listed(app) -> None:
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#documents", DataTable)
        assert table.columns[ColumnKey("outlet")].width == len("Russia Today")


async def test_the_library_lays_its_columns_out_again_when_the_terminal_narrows_and_widens(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert column_keys(app) == ["read", "title", "outlet", "date", "tags", "new"]
        assert len(app.screen.query_one("#documents", DataTable).get_row_at(0)) == 6
        await pilot.resize_terminal(120, 35)
        await settle(pilot)
        assert "paragraphs" in column_keys(app)
        assert str(app.screen.query_one("#documents", DataTable).get_row_at(4)[4]) == str(app.screen.rows[4].paragraphs)


async def test_at_80_columns_the_article_footer_keeps_tag_note_undo_and_help(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Over 107,000")
        await pilot.pause()
        said = footer_said(app)
        assert {"t Tag", "a Note", "u Undo", "? Keys", "esc Back"} <= set(said)
        assert_every_key_whole(app)


async def test_at_80_columns_the_library_footer_shows_only_whole_keys(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        said = footer_said(app)
        assert {"f Filter", "? Keys", "T Tags"} <= set(said)
        assert_every_key_whole(app)


async def test_at_120_columns_the_footers_show_every_key_they_have_room_for(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert footer_said(app) == ["f Filter", "s Sort", "m Read/unread", "R Repeats", "F Figures", "T Tags",
                                    "E Export", "? Keys", "q Quit"]
        await open_doc(pilot, "Over 107,000")
        await pilot.pause()
        assert {"[ ] Prev/next article", "p Figures panel", "t Tag", "a Note", "u Undo", "? Keys"} <= set(footer_said(app))
        assert_every_key_whole(app)


async def test_the_footer_fits_its_keys_again_when_the_terminal_is_resized(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_doc(pilot, "Over 107,000")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "t Tag" in footer_said(app) and "p Figures panel" not in footer_said(app)
        assert_every_key_whole(app)
        await pilot.resize_terminal(120, 35)
        await settle(pilot)
        assert "p Figures panel" in footer_said(app)
        assert_every_key_whole(app)


@pytest.mark.parametrize(
    ("widths", "room", "shown"),
    [([10, 8, 12, 5], 100, {0, 1, 2, 3}), ([10, 8, 12, 5], 25, {0, 1, 3}), ([10, 8, 12, 5], 13, {1, 3}),
     ([10, 8, 12, 5], 12, {1}), ([10, 8, 12, 5], 3, set()), ([10, 8, 3, 5], 17, {1, 2, 3})],
)
def test_the_least_important_keys_are_left_out_first_and_a_smaller_one_fills_the_room_left(
    widths: list[int], room: int, shown: set[int]
) -> None:
    from tui.widgets.footer import keys_that_fit

    assert keys_that_fit(widths, [2, 1, 3, 1], room) == shown


@pytest.mark.parametrize("body", [
    "120 civilians\ncount: 120 civilians",
    "exactly ten",
    "a line a good deal longer than the narrowest width asked for here\nshort",
    "東京で120人",
    "tab\tin it",
    "",
])
def test_a_hanging_paragraph_is_as_tall_as_its_body_wrapped_whether_or_not_its_lines_fit(body: str) -> None:
    from textual.content import Content
    from textual.css.styles import Styles

    from tui.widgets.hanging import Hanging

    rules = Styles()
    for width in (8, 13, 14, 20, 40, 80):
        hanging = Hanging(Content("¶1"), Content(body), gutter_width=3, gap=1)
        wrapped = max(1, Content(body).get_height(rules, max(1, width - 3))) + 1
        assert hanging.get_height(rules, width) == wrapped, (body, width)


async def test_at_120_columns_each_figure_is_whole_and_the_document_takes_the_rest(app) -> None:
    from tui.screens.figures import DOCUMENT_WIDTH

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        table = app.screen.query_one("#figure-table", DataTable)
        texts = [row.figure.text for row in app.screen.rows]
        assert {"February 24, 2022 to May 8, 2025", "in the past 25 years"} <= set(texts)
        assert table.columns[ColumnKey("text")].width == max(map(len, texts))
        assert table.columns[ColumnKey("doc")].width >= DOCUMENT_WIDTH
        assert sum(c.get_render_width(table) for c in table.columns.values()) == table.scrollable_content_region.width
        for text in ("February 24, 2022 to May 8, 2025", "in the past 25 years"):
            table.move_cursor(row=texts.index(text), animate=False)
            await pilot.pause()
            lines = [table.render_line(y).text for y in range(table.header_height, table.size.height)]
            assert any(f" {text} " in line for line in lines), text


@pytest.mark.parametrize(("width", "widest", "expected"), [
    (118, {"text": 32, "value": 23, "counted": 26}, {"kind": 8, "text": 32, "value": 23, "counted": 13, "doc": 20}),
    (118, {"text": 16, "value": 9, "counted": 14}, {"kind": 8, "text": 16, "value": 13, "counted": 14, "doc": 45}),
    (158, {"text": 32, "value": 23, "counted": 26}, {"kind": 8, "text": 32, "value": 23, "counted": 19, "doc": 54}),
    (98, {"text": 32, "value": 23, "counted": 26}, {"kind": 8, "text": 24, "value": 13, "counted": 11, "doc": 20}),
    (78, {"text": 32, "value": 23, "counted": 26}, {"text": 14, "value": 13, "counted": 11, "doc": 20}),
    (118, {}, {"kind": 8, "text": 11, "value": 23, "counted": 14, "doc": 40}),
])
def test_the_figure_takes_the_room_it_needs_first_then_the_value_and_the_counted_noun_and_the_document_the_rest(
    width: int, widest: dict[str, int], expected: dict[str, int],
) -> None:
    from tui.screens.figures import fitted_columns

    columns = fitted_columns(width, 1, widest)
    assert {c.key: c.width for c in columns if c.key != "date"} == expected
    assert sum(c.width + 2 for c in columns) == width


async def test_while_typing_in_the_library_filter_the_footer_says_what_enter_escape_and_the_arrows_do(app) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"ukraine")
        await pilot.pause(0.3)
        await settle(pilot)
        assert footer_said(app) == ["↑ ↓ Move", "⏎ Open", "esc Back"]
        table = app.screen.query_one("#documents", DataTable)
        await pilot.press("down")
        assert table.cursor_row == 1 and app.focused is app.screen.query_one("#filter")
        await pilot.press("escape")
        assert app.focused is table
        assert "f Filter" in footer_said(app)
        await pilot.press("f", "enter")
        await settle(pilot)
        assert app.screen.sub_title == "EU wants to prolong Ukraine conflict"


async def test_escape_in_the_figures_counted_box_goes_back_to_the_table_as_the_library_filter_does(app) -> None:
    from tui.screens.figures import FiguresScreen

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F", "c", *"soldiers")
        await pilot.pause(0.3)
        await settle(pilot)
        assert footer_said(app) == ["↑ ↓ Move", "⏎ Open", "esc Back"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen) and app.focused is app.screen.query_one("#figure-table")
        assert app.screen.counted == "soldiers"
