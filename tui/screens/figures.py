"""Figures: every figure in the collection, filterable by kind and counted noun, sortable by value."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Select, Static

from store.figure_list import FigureRow, figure_kinds, figures
from tui.commands import FIGURES, bindings
from tui.widgets.filter_box import FilterBox
from tui.widgets.footer import KeysFooter
from tui.widgets.row_table import Column, RowTable
from tui.words import plural

PAGE = 300
SORTS = ("value", "when", "published", "document", "kind")
SORT_LABELS = {"value": "value, each currency and unit apart", "when": "when: the date a figure names, earliest first",
               "published": "published: the article's date, newest first", "document": "document", "kind": "kind"}
TEXT_WIDTH = 11
"""The figure column's narrowest: above it the figure takes what its longest listed needs, before any other."""
SHARED_WIDTHS = {"value": (13, 23, 5), "counted": (11, 22, 8)}
"""Each column's narrowest and widest, and the part of the table (1/n) it takes at most between the two, no wider than
its longest listed: the value's room is given before the counted noun's, once the figure has its own."""
KIND_WIDTH = 8
PUBLISHED_WIDTH = 10
DOCUMENT_WIDTH = 20
"""The document's title is cut no shorter than this: the other columns narrow first, then the kind column goes."""
FITTED = ("text", "value", "counted")


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
        self._shown_generation = 0
        """The generation whose first rows the table shows."""
        self._open_when_loaded: int | None = None
        """Enter pressed in the counted box before this generation's rows were in: open the highlighted one then."""
        self._more = True
        self._widest: dict[str, int] = {}
        """The cells of the longest figure, value and counted noun in the rows loaded."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="list-screen"):
            with Horizontal(id="figure-filters"):
                yield Select[str]([], prompt="every kind", id="figure-kind", allow_blank=True)
                yield FilterBox(placeholder="counted noun: killed, soldiers, bodies… (c)", id="figure-counted")
            yield RowTable(id="figure-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="figure-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._table = self.query_one(RowTable)
        self.sub_title = "Figures"
        self.refresh_data(with_kinds=True)

    def on_row_table_resized(self, _: RowTable.Resized) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """DataTable has no flexible column: size them all to the table (keeping the scrollbar's width free: it
        comes only with the rows), and lay the rows out again only when a column comes or goes."""
        table = self.query_one(RowTable)
        if not table.size.width:
            return
        width = table.size.width - table.styles.scrollbar_size_vertical
        table.fit(fitted_columns(width, table.cell_padding, self._widest),
                  lambda: [self._cells(r) for r in self.rows])

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
            self._widest = {}
            table.clear()
            self._shown_generation = page.generation
        self.rows.extend(page.rows)
        self._widest = widest(self._widest, page.rows)
        self._more = len(page.rows) == PAGE
        table.add_rows([self._cells(r) for r in page.rows])
        self._fit_columns()
        more = "+" if self._more else ""
        self.query_one("#figure-status", Static).update(
            f"{len(self.rows):,}{more} {plural(len(self.rows), 'figure')} · sorted by {SORT_LABELS[self.sort]} (s) · enter opens the paragraph")
        if page.offset == 0 and self._open_when_loaded == page.generation:
            self._open_when_loaded = None
            self.action_open_item()

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
        """The highlighted row opens, as enter in the table would; once the rows of the noun typed are in."""
        self.query_one(DataTable).focus()
        if self._shown_generation == self._generation:
            self.action_open_item()
        else:
            self._open_when_loaded = self._generation

    def on_screen_suspend(self) -> None:
        self._open_when_loaded = None

    @on(DataTable.RowSelected, "#figure-table")
    def _selected(self, _: DataTable.RowSelected) -> None:
        self.action_open_item()

    def action_open_item(self) -> None:
        index = self.query_one(DataTable).cursor_row
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        if not self.app.open_listed(row.doc, row.paragraph_id, row.text, row.paragraph):
            self.refresh_data()

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

    def action_leave_filter(self) -> None:
        self.query_one(DataTable).focus()

    def _cells(self, row: FigureRow) -> list[Text]:
        values = _values(row)
        return [_clipping(values[column.key]) for column in self._table.fitted]


def widest(known: dict[str, int], rows: list[FigureRow]) -> dict[str, int]:
    """The cells the longest figure, value and counted noun take, of those `known` and these rows."""
    values = [_values(row) for row in rows]
    return {key: max([known.get(key, 0), *(cell_len(v[key]) for v in values)]) for key in FITTED}


def fitted_columns(width: int, padding: int, widest: dict[str, int] | None = None) -> tuple[Column, ...]:
    """The columns for a table `width` cells wide, each with `padding` on either side, for rows whose longest
    cells are `widest`. The figure is given the room its longest needs first, then the value, then the counted
    noun, each as far as the document keeps DOCUMENT_WIDTH; the document takes the rest. Where even the
    narrowest of them leave the document less, the kind column goes."""
    widest = widest or {}
    wanted = {"text": max(TEXT_WIDTH, widest.get("text", 0))}
    least = {"text": TEXT_WIDTH}
    for key, (narrowest, most, part) in SHARED_WIDTHS.items():
        wanted[key] = max(narrowest, min(most, width // part, widest.get(key, most)))
        least[key] = narrowest
    published = Column("date", "Published", PUBLISHED_WIDTH)
    kind = [Column("kind", "Kind", KIND_WIDTH)]
    if _left_for_document(width, padding, [*kind, published], least) < DOCUMENT_WIDTH:
        kind = []
    spare = _left_for_document(width, padding, [*kind, published], least) - DOCUMENT_WIDTH
    given = dict(least)
    for key in FITTED:
        more = max(0, min(spare, wanted[key] - least[key]))
        given[key] += more
        spare -= more
    columns = [*kind, Column("text", "Figure", given["text"]), Column("value", "Value or date", given["value"]),
               Column("counted", "Counted", given["counted"]), published]
    document = max(DOCUMENT_WIDTH, width - sum(c.width + 2 * padding for c in columns) - 2 * padding)
    return (*columns, Column("doc", "Document", document))


def _left_for_document(width: int, padding: int, fixed: list[Column], fitted: dict[str, int]) -> int:
    """The document's width beside these columns and the figure, value and counted noun at these widths."""
    taken = sum(c.width + 2 * padding for c in fixed) + sum(w + 2 * padding for w in fitted.values())
    return width - taken - 2 * padding


def _values(row: FigureRow) -> dict[str, str]:
    figure = row.figure
    # The outlet before the title: copies of one story carry titles that read alike to the width shown.
    title = f"{row.source} · {row.title}" if row.source else row.title
    where = f"¶{row.paragraph} {title}" if row.paragraph is not None else title
    return {"kind": figure.kind, "text": figure.text, "value": figure.short_value(), "counted": figure.counted or "",
            "date": row.published or "", "doc": where}


def _clipping(text: str) -> Text:
    """A cell that ends in an ellipsis where its column is too narrow for it."""
    return Text(text, no_wrap=True, overflow="ellipsis", end="")
