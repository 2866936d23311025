"""Search: every paragraph of the collection through SQLite FTS5, matched words highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.queries import RANK_WITHIN, Hit, SearchCursor, SearchPage, begin_search, search_page
from tui.commands import SEARCH, SEARCH_QUERY, bindings
from tui.screens.list_keys import ListKeys
from tui.widgets.footer import KeysFooter
from tui.widgets.stopping_list import OpeningList
from tui.words import plural

FIRST_PAGE = 40
"""Hits read and listed as a search is typed: two screens of them; each is laid out on the UI thread."""
PAGE = 100
READ_AHEAD = 20
"""The next page is read when the cursor comes this close to the last hit loaded."""
BOTTOM_STEP = 1_000
"""Hits G loads at most a press: each is laid out as it is added, on the UI thread."""
CONTEXT = 90
IDLE_STATUS = "Type to search; enter opens the hit"
NOTHING_FOUND = "No paragraph matches (titles and body text are searched, not bylines or page furniture)"
NO_MATCHES = "No matches"


@dataclass(frozen=True, slots=True)
class HitsRead:
    query: str
    generation: int
    page: SearchPage
    first: bool
    """The search's first page, which replaces the hits shown."""
    last: bool
    """The last page this read brings."""


@dataclass(frozen=True, slots=True)
class BottomWanted:
    """G pressed while hits past the last loaded were still to come: where to put the cursor once they are in."""

    until: int
    cursor_was: int | None


class SearchQuery(Input):
    """The query box, whose footer says that enter opens a hit."""

    BINDINGS = bindings(SEARCH_QUERY)


class HitList(OpeningList):
    """The hits; end goes to the last hit as G does, past the page loaded."""

    BINDINGS = [Binding("end", "screen.cursor_bottom", "Last hit", show=False)]


class SearchScreen(ListKeys, Screen[None]):
    COMMAND_SET = SEARCH
    BINDINGS = bindings(SEARCH)
    AUTO_FOCUS = "#query"

    class Read(Message):
        def __init__(self, read: HitsRead) -> None:
            super().__init__()
            self.read = read

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[Hit] = []
        self.query_text = ""
        self._generation = 0
        self._next: SearchCursor | None = None
        self._reading = False
        self._bottom: BottomWanted | None = None
        self._asked = ""
        """The text of the latest search begun."""
        self._open_when_read: str | None = None
        """Enter pressed before the hits of this text were in: its first hit opens when they are."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search"):
            yield SearchQuery(self.initial, placeholder='Search every paragraph: words, "a phrase", Moscow OR Kyiv, sanction*',
                              id="query")
            yield Static("", id="search-status")
            yield HitList(id="hits")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        if self.initial:
            self._run(self.initial)

    def on_screen_resume(self) -> None:
        """Back from a hit, typing goes on in the query (selected, so a new word replaces it), hits kept."""
        self.focus_query()

    def clear(self) -> None:
        """Start over as a new search screen would: no query, no hits, the query focused."""
        self._forget_reads()
        self.hits = []
        self.query_text = ""
        self._asked = ""
        self._open_when_read = None
        query = self.query_one("#query", Input)
        with query.prevent(Input.Changed):
            query.value = ""
        self.hit_list.clear_options()
        self.query_one("#search-status", Static).update("")
        self.focus_query()

    def on_screen_suspend(self) -> None:
        self._open_when_read = None

    def focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_select_query(self) -> None:
        """The query focused and selected, so that what is typed next replaces it."""
        query = self.query_one("#query", Input)
        query.focus()
        query.select_all()

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._open_when_read = None
        self._run(event.value)

    def _run(self, query: str) -> None:
        self._forget_reads()
        self._asked = query
        self._begin(query, self._generation)

    def _forget_reads(self) -> None:
        """Pages still being read belong to the search before: they are dropped when they come."""
        self._generation += 1
        self._next = None
        self._reading = False
        self._bottom = None

    @work(thread=True, exclusive=True, group="search")
    def _begin(self, query: str, generation: int) -> None:
        cursor = self.app.store(begin_search, query, rank_within=RANK_WITHIN)
        page = self.app.store(search_page, cursor, FIRST_PAGE) if cursor is not None else SearchPage([], None)
        self.post_message(self.Read(HitsRead(query, generation, page, first=True, last=True)))

    @work(thread=True, exclusive=True, group="search-more")
    def _read_on(self, query: str, cursor: SearchCursor, generation: int, at_least: int) -> None:
        worker, read = get_current_worker(), 0
        while True:
            page = self.app.store(search_page, cursor, PAGE)
            read += len(page.hits)
            last = page.next is None or read >= at_least or worker.is_cancelled
            self.post_message(self.Read(HitsRead(query, generation, page, first=False, last=last)))
            if last:
                return
            cursor = page.next

    def _read_more(self, at_least: int) -> None:
        """The hits after the last loaded, `at_least` that many unless the search ends first."""
        if self._next is not None and not self._reading:
            self._reading = True
            self._read_on(self.query_text, self._next, self._generation, at_least)

    def on_search_screen_read(self, message: Read) -> None:
        read = message.read
        if read.generation != self._generation:
            return
        options = self.hit_list
        if read.first:
            self.hits = []
            self.query_text = read.query
            options.clear_options()
        self.hits.extend(read.page.hits)
        self._next = read.page.next
        options.add_options(Option(_hit_line(h)) for h in read.page.hits)
        if read.first and self.hits:
            options.highlighted = 0
        if read.last:
            self._reading = False
            self._go_on_to_bottom()
        self._show_count()
        if read.first and read.query == self._open_when_read:
            self._open_when_read = None
            self._open_highlighted_hit()

    def _show_count(self) -> None:
        if not self.query_text.strip():
            self.query_one("#search-status", Static).update(IDLE_STATUS)
            return
        left = self._next
        known = len(self.hits) + (left.ranked_left if left is not None else 0)
        more = "+" if left is not None and left.below is not None else ""
        if not known:
            self.query_one("#search-status", Static).update(NOTHING_FOUND)
            return
        self.query_one("#search-status", Static).update(f"{known:,}{more} {plural(known, 'paragraph')}")

    @on(OptionList.OptionHighlighted, "#hits")
    def _near_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.hits) - READ_AHEAD:
            self._read_more(PAGE)

    def action_cursor_bottom(self) -> None:
        """The last hit: those not loaded yet are read page by page (BOTTOM_STEP at most), and the cursor follows."""
        options = self.hit_list
        options.action_last()
        if self._next is not None:
            self._bottom = BottomWanted(len(self.hits) + BOTTOM_STEP, options.highlighted)
            self._read_more(BOTTOM_STEP)

    def _go_on_to_bottom(self) -> None:
        """After a read, G's cursor moves to the last hit once they are in, unless it was moved meanwhile."""
        wanted = self._bottom
        options = self.hit_list
        if wanted is None:
            return
        if options.highlighted != wanted.cursor_was:
            self._bottom = None
        elif self._next is not None and len(self.hits) < wanted.until:
            self._read_more(wanted.until - len(self.hits))
        else:
            self._bottom = None
            options.action_last()
            if self._next is not None:
                self.notify(f"{len(self.hits):,} hits loaded: G again for the {_next_batch(self._next)}", timeout=3)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        """The highlighted hit of the text in the query, the first once its hits are in: those shown may still
        be the hits of the text before."""
        text = event.value
        if not text.strip():
            return
        if text == self.query_text and self._asked == text:
            self._open_highlighted_hit()
            return
        self._open_when_read = text
        if self._asked != text:
            self._run(text)

    def _open_highlighted_hit(self) -> None:
        if not self.hits:
            self.notify(NO_MATCHES, timeout=2)
            return
        self.hit_list.focus()
        self.action_open_hit()

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, _: OptionList.OptionSelected) -> None:
        self.action_open_hit()

    def action_open_hit(self) -> None:
        index = self.query_one("#hits", OptionList).highlighted
        if index is None or index >= len(self.hits):
            return
        hit = self.hits[index]
        if not self.app.open_listed(hit.doc_id, hit.paragraph_id, hit.text, hit.n, query=self.query_text):
            self._run(self.query_text)

    @property
    def hit_list(self) -> HitList:
        return self.query_one("#hits", HitList)

    def active_list(self) -> HitList:
        return self.hit_list

    def action_back(self) -> None:
        self.dismiss()


def _next_batch(left: SearchCursor) -> str:
    if left.below is None and left.ranked_left <= BOTTOM_STEP:
        return f"last {left.ranked_left:,}"
    return f"next {BOTTOM_STEP:,}"


def _hit_line(hit: Hit) -> Content:
    first = hit.spans[0][0] if hit.spans else 0
    start = max(0, first - CONTEXT)
    if start:
        start = hit.text.find(" ", start) + 1 or start
    end = min(len(hit.text), first + 2 * CONTEXT)
    snippet = Content(("…" if start else "") + hit.text[start:end] + ("…" if end < len(hit.text) else ""))
    shift = 1 if start else 0
    for s, e in hit.spans:
        if start <= s and e <= end:
            snippet = snippet.stylize("reverse bold $text-primary", s - start + shift, e - start + shift)
    where = f"¶{hit.n}" if hit.n is not None else "title"
    head = Content.assemble((hit.title, "bold"), (f"  {where} · {hit.published or 'no date'}", "$text-muted"))
    return Content("\n").join([head, snippet])
