"""Library: every document, newest first, sortable and filterable as you type, paged from SQL."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from store.queries import DocumentRow, count_documents, documents, documents_by_id, set_read
from tui.app import READING_WAIT_MS
from tui.commands import LIBRARY, bindings
from tui.widgets.filter_box import FilterBox
from tui.widgets.footer import KeysFooter
from tui.widgets.preview import Preview
from tui.widgets.row_table import Column, RowTable
from tui.words import counted, plural

PAGE = 200
FIRST_PAGE = 60
"""Enough rows to fill a tall terminal: the first page is on the way to the first useful frame, the rest is not."""
BOTTOM_STEP = 2_000
"""Rows G loads at most: a DataTable of tens of thousands of rows makes every later key slow."""
READ_AHEAD_ROWS = 20
"""The next page is read when the cursor comes this close to the last row loaded."""
LOAD_NOTICE_SECONDS = 3
OUTLET_NARROWEST = len("Outlet")
TITLE_KEPT = 36
"""The title's width a long outlet name does not take from: a title cut shorter says little."""
OUTLET_SHARE = 3
"""A long outlet name takes at most a third of the width the title and the outlet share, unless the titles listed
need less than the rest."""
COUNTS_FROM = 100
"""The table width from which ¶ and Fig are shown: on a narrower one the title needs their room (a title cut at
24 characters said little), and the article's header gives both."""
DATE = Column("date", "Date", 10)
COUNTS = (Column("paragraphs", "¶", 4), Column("figures", "Fig", 4), Column("tags", "Tag", 4), Column("new", "New", 5))
NARROW_COUNTS = (Column("tags", "Tag", 3), Column("new", "New", 4))
"""Each at its widest: a column is no wider than its header and longest value listed need, and a count too long
for it is shortened ("16k")."""
FILTER_PAUSE = 0.12
SORT_ORDER = ("date", "outlet", "title")
EMPTY_HELP = """[b]No articles yet.[/b]

Load a folder of scraped articles (.txt or .md) from a shell:

    [b]tearsheet load PATH[/b]      then press [b]ctrl+r[/b] here
    [b]tearsheet PATH[/b]           loads PATH and opens the reader

The bundled seed articles are loaded by the reader when it opens an empty
database with no PATH."""


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[DocumentRow]
    total: int
    offset: int
    generation: int


class LibraryScreen(Screen[None]):
    COMMAND_SET = LIBRARY
    BINDINGS = bindings(LIBRARY)
    AUTO_FOCUS = "#documents"

    class Loaded(Message):
        def __init__(self, page: Page) -> None:
            super().__init__()
            self.page = page

    def __init__(self) -> None:
        super().__init__()
        self.sort = "date"
        self.filter_text = ""
        self.tag: str | None = None
        self.rows: list[DocumentRow] = []
        self.total = 0
        self._generation = 0
        self._shown_generation = 0
        """The generation whose first rows the table shows."""
        self._open_when_loaded: int | None = None
        """Enter pressed in the filter before this generation's rows were in: open the highlighted one then."""
        self._loading_more = False
        self._filter_timer: Timer | None = None
        self._bottom_at = 0
        """After G, before the rows it asked for are loaded: how many rows the cursor waits for (0: none)."""
        self._load_notice: Notification | None = None
        self._beyond: dict[int, int] = {}
        """Documents reached with ]/[ past the loaded rows: id -> row index in the current order."""
        self._widest = Widest()
        """The longest title and outlet in the rows loaded, kept as pages come in."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="library"):
            yield FilterBox(placeholder="Filter by title, outlet or date (f)", id="filter")
            with Horizontal(id="library-body"):
                yield RowTable(id="documents", cursor_type="row", zebra_stripes=True)
                yield Preview(id="preview")
            yield Static(EMPTY_HELP, id="empty")
            yield Static("Opening the library…", id="library-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._table = self.query_one("#documents", RowTable)
        self._fit_columns()
        self.app.when_store_open(self.refresh_data)

    def on_row_table_resized(self, _: RowTable.Resized) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns for the table's width (the terminal's until it is laid out); the rows are laid out again only
        when a column comes or goes."""
        table = self.query_one("#documents", RowTable)
        table.fit(library_columns(table.size.width or self.app.size.width, table.cell_padding, self._widest),
                  lambda: [self._cells(row) for row in self.rows])

    def _cells(self, row: DocumentRow) -> list[Text]:
        values = _values(row, under_page=self.sort == "date")
        return [Text(_fitted(values[column.key], column.width), no_wrap=True, overflow="ellipsis")
                for column in self._table.fitted]

    def refresh_data(self) -> None:
        self._generation += 1
        self._bottom_at = 0
        self._fetch(self.sort, self.filter_text, self.tag, 0, self._generation)

    @work(thread=True, exclusive=True, group="library")
    def _fetch(
        self, sort: str, text: str, tag: str | None, offset: int, generation: int, *, until: int = 0,
    ) -> None:
        """One page at `offset`; with `until`, every page from there up to that row, each posted as it is read."""
        worker = get_current_worker()
        while True:
            limit = FIRST_PAGE if offset == 0 else PAGE
            rows = self.app.store(documents, sort=sort, text=text, tag=tag, limit=limit, offset=offset)
            total = self.app.store(count_documents, text=text, tag=tag) if offset == 0 else self.total
            self.post_message(self.Loaded(Page(rows, total, offset, generation)))
            offset += len(rows)
            if not rows or offset >= min(until, total) or worker.is_cancelled:
                return

    class RowsRefreshed(Message):
        def __init__(self, rows: list[DocumentRow]) -> None:
            super().__init__()
            self.rows = rows

    def on_screen_suspend(self) -> None:
        self._open_when_loaded = None

    def on_screen_resume(self, _: events.ScreenResume) -> None:
        """Back from an article (or any screen over this one): the rows in view and those of the documents
        shown meanwhile are read again, so their read mark and counts are current."""
        seen, self.app.documents_seen = self.app.documents_seen, set()
        if not self.rows:
            return
        in_view = {self.rows[i].id for i in self._rows_in_view()}
        loaded = {row.id for row in self.rows if row.id in seen}
        self._refresh_rows(sorted(in_view | loaded))

    def _rows_in_view(self) -> range:
        table = self.query_one("#documents", DataTable)
        first = int(table.scroll_y)
        return range(first, min(len(self.rows), first + table.size.height))

    @work(thread=True, group="library-rows")
    def _refresh_rows(self, ids: list[int]) -> None:
        self.post_message(self.RowsRefreshed(self.app.store(documents_by_id, ids)))

    def on_library_screen_rows_refreshed(self, message: RowsRefreshed) -> None:
        fresh = {row.id: row for row in message.rows}
        table = self.query_one("#documents", DataTable)
        for index, old in enumerate(self.rows):
            row = fresh.get(old.id)
            if row is None or row == old:
                continue
            self.rows[index] = row
            for column, cell in enumerate(self._cells(row)):
                table.update_cell_at(Coordinate(index, column), cell)
        self._widest = self._widest.including(message.rows, under_page=self.sort == "date")
        self._fit_columns()

    def on_library_screen_loaded(self, message: Loaded) -> None:
        page = message.page
        if page.generation != self._generation:
            return
        if page.offset not in (0, len(self.rows)):
            return  # a page a cancelled fetch read too: its rows are here already or come again
        table = self.query_one("#documents", DataTable)
        self._loading_more = False
        if page.offset == 0:
            keep = self._current_id()
            self._withdraw_load_notice()
            self._beyond.clear()
            self.rows = []
            self._widest = Widest()
            table.clear()
            self._shown_generation = page.generation
        self.rows.extend(page.rows)
        self._widest = self._widest.including(page.rows, under_page=self.sort == "date")
        self.total = page.total
        table.add_rows([self._cells(row) for row in page.rows])
        if page.offset == 0 and keep is not None:
            index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0)
            table.move_cursor(row=index, animate=False)
        if self._bottom_at and len(self.rows) >= min(self._bottom_at, self.total):
            self._bottom_at = 0
            table.move_cursor(row=max(0, len(self.rows) - 1), animate=False)
            self._say_how_far_loaded()
        elif page.offset and self._load_notice is not None and not self._load_notice.has_expired:
            self._say_how_far_loaded()  # the page the cursor's landing at the bottom asked for
        self._show_state()
        self._fit_columns()
        if page.offset == 0 and self._open_when_loaded == page.generation:
            self._open_when_loaded = None
            self.action_open_document()

    def _say_how_far_loaded(self) -> None:
        """After G's rows are in: how many are loaded and what G loads next, in place of what the last G said."""
        left = self.total - len(self.rows)
        if left <= 0:
            message = f"All {counted(self.total, 'document')} loaded"
        else:
            batch = f"next {BOTTOM_STEP:,}" if left > BOTTOM_STEP else f"last {left:,}"
            message = f"{len(self.rows):,} of {counted(self.total, 'document')} loaded: G again for the {batch}"
        self._withdraw_load_notice()
        self._load_notice = Notification(message, timeout=LOAD_NOTICE_SECONDS)
        self.app.post_message(Notify(self._load_notice))

    def _withdraw_load_notice(self) -> None:
        if self._load_notice is not None:
            self.app._unnotify(self._load_notice)  # Textual has no public way to withdraw one notification
            self._load_notice = None

    def _show_state(self) -> None:
        empty = self.total == 0 and not self.filter_text and not self.tag
        self.query_one("#empty").display = empty
        self.query_one("#library-body").display = not empty
        scope = [f"sorted by {self.sort}"]
        if len(self.rows) < self.total:
            scope.append(f"{len(self.rows):,} read so far (G reads on)")
        if self.filter_text:
            scope.append(f"filter “{self.filter_text}”")
        if self.tag:
            scope.append(f"tag #{self.tag}")
        self.query_one("#library-status", Static).update(f"{self.total:,} {plural(self.total, 'document')} · {' · '.join(scope)}")
        self.sub_title = "Library"

    def _current_id(self) -> int | None:
        table = self.query_one("#documents", DataTable)
        if 0 <= table.cursor_row < len(self.rows):
            return self.rows[table.cursor_row].id
        return None

    @on(DataTable.RowHighlighted, "#documents")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = event.cursor_row
        if index < len(self.rows):
            self.query_one(Preview).show(self.rows[index].id)
        if index >= len(self.rows) - READ_AHEAD_ROWS and len(self.rows) < self.total and not self._loading_more:
            self._loading_more = True
            self._fetch(self.sort, self.filter_text, self.tag, len(self.rows), self._generation)

    @on(DataTable.RowSelected, "#documents")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_document()

    def action_open_document(self) -> None:
        doc_id = self._current_id()
        if doc_id is None:
            return
        self.app.open_article(doc_id)

    def lists(self, doc_id: int) -> bool:
        """Whether the document has a place in the library's order as far as it is known (loaded or stepped to)."""
        return doc_id in self._beyond or any(row.id == doc_id for row in self.rows)

    def neighbour(self, doc_id: int, step: int) -> int | None:
        """The document `step` rows away in the library's order, also past the rows loaded so far."""
        ids = [r.id for r in self.rows]
        if doc_id in ids:
            index = ids.index(doc_id) + step
        elif doc_id in self._beyond:
            index = self._beyond[doc_id] + step
        else:
            return None
        if 0 <= index < len(ids):
            return ids[index]
        if not len(ids) <= index < self.total:
            return None
        if not self._loading_more:
            self._loading_more = True
            self._fetch(self.sort, self.filter_text, self.tag, len(self.rows), self._generation)
        beyond = self.app.store(documents, sort=self.sort, text=self.filter_text, tag=self.tag, limit=1, offset=index)
        if not beyond:
            return None
        self._beyond[beyond[0].id] = index
        return beyond[0].id

    def action_cursor_down(self) -> None:
        self._bottom_at = 0
        self.query_one("#documents", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self._bottom_at = 0
        self.query_one("#documents", DataTable).action_cursor_up()

    def action_cursor_top(self) -> None:
        self._bottom_at = 0
        self.query_one("#documents", DataTable).move_cursor(row=0)

    def action_cursor_bottom(self) -> None:
        """The last document: the rows not loaded yet are read page by page (BOTTOM_STEP at most), and the
        cursor follows."""
        self.query_one("#documents", DataTable).move_cursor(row=max(0, len(self.rows) - 1))
        if len(self.rows) < self.total:
            self._loading_more = True
            self._bottom_at = len(self.rows) + BOTTOM_STEP
            self._fetch(self.sort, self.filter_text, self.tag, len(self.rows), self._generation, until=self._bottom_at)

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_cycle_sort(self) -> None:
        self.sort = SORT_ORDER[(SORT_ORDER.index(self.sort) + 1) % len(SORT_ORDER)]
        self.notify(f"Sorted by {self.sort}", timeout=1.5)
        self.refresh_data()

    def action_toggle_read(self) -> None:
        doc_id = self._current_id()
        if doc_id is None:
            return
        row = self.rows[self.query_one("#documents", DataTable).cursor_row]
        if self.app.save("Read mark", set_read, doc_id, not row.read, wait_ms=READING_WAIT_MS):
            self.refresh_data()

    def action_filter_tag(self) -> None:
        from tui.screens.tag_pick import TagPickModal

        def chosen(tag: str | None) -> None:
            if tag is None:
                return
            self.tag = tag or None
            self.refresh_data()

        self.app.push_screen(TagPickModal(allow_clear=True), chosen)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        if self._filter_timer is not None:
            self._filter_timer.stop()
        # Rebuilding the table on every keystroke of a fast typist is wasted work: wait for a pause.
        self._filter_timer = self.set_timer(FILTER_PAUSE, self._filter_paused)

    def _filter_paused(self) -> None:
        self._filter_timer = None
        self.refresh_data()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, _: Input.Submitted) -> None:
        """The highlighted document opens, as enter in the table would; once the rows of the filter typed are in."""
        self.query_one("#documents", DataTable).focus()
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_paused()
        if self._shown_generation == self._generation:
            self.action_open_document()
        else:
            self._open_when_loaded = self._generation

    def action_leave_filter(self) -> None:
        self.query_one("#documents", DataTable).focus()


@dataclass(frozen=True, slots=True)
class Widest:
    """The cells the longest title, the longest outlet name and the longest value of each other column of the rows
    loaded take on screen; a column missing from `others` (before any rows) is given its full width."""

    title: int = 0
    outlet: int = 0
    others: dict[str, int] = field(default_factory=dict)

    def including(self, rows: list[DocumentRow], *, under_page: bool) -> Widest:
        values = [_values(row, under_page=under_page) for row in rows]
        widest = {key: max(cell_len(v[key]) for v in values) for key in values[0]} if values else {}
        others = {key: max(self.others.get(key, 0), widest.get(key, 0))
                  for key in (*self.others, *widest) if key not in ("title", "outlet")}
        return Widest(max(self.title, widest.get("title", 0)), max(self.outlet, widest.get("outlet", 0)), others)

    def needed(self, column: Column) -> Column:
        """The column no wider than its header and its longest value need."""
        if column.key not in self.others:
            return column
        width = min(column.width, max(cell_len(column.label), self.others[column.key]))
        return Column(column.key, column.label, width)


def library_columns(width: int, padding: int, widest: Widest = Widest()) -> tuple[Column, ...]:
    """The columns for a table `width` cells wide, each with `padding` on either side. The date and the counts are
    as wide as they need, and the title and the outlet share what they leave: the outlet is as wide as its longest
    name while the titles listed still fit whole, or it takes a third of the share (never leaving the title less
    than TITLE_KEPT), and the title takes the rest. Rows listed with no outlet at all have no Outlet column."""
    read = Column("read", " ", 1)
    others = tuple(widest.needed(c) for c in (DATE, *(COUNTS if width >= COUNTS_FROM else NARROW_COUNTS)))
    shared = width - sum(c.width + 2 * padding for c in (read, *others)) - 3
    if widest.others and not widest.outlet:
        return (read, Column("title", "Title", max(12, shared)), *others)
    shared -= 2 * padding
    room = max(min(shared // OUTLET_SHARE, shared - TITLE_KEPT), shared - widest.title)
    outlet = max(OUTLET_NARROWEST, min(widest.outlet, room))
    return (read, Column("title", "Title", max(12, shared - outlet)), Column("outlet", "Outlet", outlet), *others)


def _fitted(value: str, width: int) -> str:
    """A count too long for its column in thousands or millions, rounded down ("16k", not "160…")."""
    if not value.isdigit() or len(value) <= width:
        return value
    count = int(value)
    for unit, suffix in ((1_000, "k"), (1_000_000, "M")):
        if len(short := f"{count // unit}{suffix}") <= width:
            return short
    return value


def _values(row: DocumentRow, *, under_page: bool) -> dict[str, str]:
    """Each column's text; cells are Rich Text, not str, so that a title with brackets in it is not read as markup."""
    title = ("  ↳ " if row.parent_id and under_page else "") + row.display_title
    new = "" if not row.paragraphs else f"{round(100 * (row.paragraphs - row.repeats) / row.paragraphs)}%"
    return {"read": " " if row.read else "●", "title": title, "outlet": row.source or "", "date": row.published or "",
            "paragraphs": str(row.paragraphs), "figures": str(row.figures or ""), "tags": str(row.tags or ""), "new": new}
