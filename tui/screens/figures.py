"""Figures: every figure in the collection, filterable by kind and counted noun, sortable by value."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Select, Static

from store.figure_list import FigureRow, figure_kinds, figures
from tui.commands import FIGURES, bindings
from tui.widgets.footer import KeysFooter
from tui.widgets.row_table import RowTable
from tui.words import plural

PAGE = 300
SORTS = ("value", "date", "document", "kind")
SORT_LABELS = {"value": "value, each currency and unit apart", "date": "date", "document": "document", "kind": "kind"}


@dataclass(frozen=True, slots=True)
class FigurePage:
    rows: list[FigureRow]
    offset: int
    generation: int
    kinds: list[tuple[str, int]] | None


class FiguresScreen(Screen[None]):
    COMMAND_SET = FIGURES
    BINDINGS = bindings(FIGURES)
    AUTO_FOCUS = "#figure-table"

    class Loaded(Message):
        def __init__(self, page: FigurePage) -> None:
            super().__init__()
            self.page = page

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FigureRow] = []
        self.sort = "value"
        self.kind: str | None = None
        self.counted = ""
        self._generation = 0
        self._more = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="list-screen"):
            with Horizontal(id="figure-filters"):
                yield Select[str]([], prompt="every kind", id="figure-kind", allow_blank=True)
                yield Input(placeholder="counted noun: killed, soldiers, bodies… (c)", id="figure-counted")
            yield RowTable(id="figure-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="figure-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Figures"
        table = self.query_one(DataTable)
        for label, key, width in (("Kind", "kind", 8), ("Figure", "text", 20), ("Value or date", "value", 23),
                                  ("Counted", "counted", 20), ("Published", "date", 10), ("Document", "doc", 40)):
            table.add_column(label, key=key, width=width)
        self.refresh_data(with_kinds=True)

    def refresh_data(self, with_kinds: bool = False) -> None:
        self._generation += 1
        self._more = True
        self._fetch(0, self._generation, with_kinds)

    @work(thread=True, exclusive=True, group="figures")
    def _fetch(self, offset: int, generation: int, with_kinds: bool) -> None:
        rows = self.app.store(figures, kind=self.kind, counted=self.counted or None, sort=self.sort, limit=PAGE, offset=offset)
        kinds = self.app.store(figure_kinds) if with_kinds else None
        self.post_message(self.Loaded(FigurePage(rows, offset, generation, kinds)))

    def on_figures_screen_loaded(self, message: Loaded) -> None:
        page = message.page
        if page.generation != self._generation:
            return
        table = self.query_one(DataTable)
        if page.kinds is not None:
            self.query_one(Select).set_options((f"{k} ({n:,})", k) for k, n in page.kinds)
        if page.offset == 0:
            self.rows = []
            table.clear()
        self.rows.extend(page.rows)
        self._more = len(page.rows) == PAGE
        table.add_rows([_cells(r) for r in page.rows])
        more = "+" if self._more else ""
        self.query_one("#figure-status", Static).update(
            f"{len(self.rows):,}{more} {plural(len(self.rows), 'figure')} · sorted by {SORT_LABELS[self.sort]} (s) · enter opens the paragraph")

    @on(DataTable.RowHighlighted, "#figure-table")
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if self._more and event.cursor_row >= len(self.rows) - 30:
            self._more = False
            self._fetch(len(self.rows), self._generation, False)

    @on(Select.Changed, "#figure-kind")
    def _kind(self, event: Select.Changed) -> None:
        self.kind = None if event.value is Select.BLANK else str(event.value)
        self.refresh_data()

    @on(Input.Changed, "#figure-counted")
    def _counted(self, event: Input.Changed) -> None:
        self.counted = event.value.strip()
        self.refresh_data()

    @on(Input.Submitted, "#figure-counted")
    def _counted_done(self, _: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected, "#figure-table")
    def _selected(self, _: DataTable.RowSelected) -> None:
        self.action_open_item()

    def action_open_item(self) -> None:
        index = self.query_one(DataTable).cursor_row
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.app.open_article(row.doc, position=row.position)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_data()

    def action_focus_counted(self) -> None:
        self.query_one("#figure-counted", Input).focus()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_cursor_top(self) -> None:
        self.query_one(DataTable).move_cursor(row=0)

    def action_cursor_bottom(self) -> None:
        self.query_one(DataTable).move_cursor(row=len(self.rows) - 1)

    def action_back(self) -> None:
        self.dismiss()


def _cells(row: FigureRow) -> tuple:
    figure = row.figure
    value = figure.short_value()
    where = f"¶{row.paragraph} {row.title}" if row.paragraph is not None else row.title
    return (figure.kind, figure.text, value, figure.counted or "", row.published or "", where)
