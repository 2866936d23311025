"""Search: every paragraph of the collection through SQLite FTS5, matched words highlighted."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.queries import RANK_WITHIN, Hit, search
from tui.commands import SEARCH, bindings
from tui.screens.list_keys import ListKeys
from tui.widgets.footer import KeysFooter
from tui.widgets.stopping_list import OpeningList, StoppingOptionList
from tui.words import plural

LIMIT = 100
CONTEXT = 90
IDLE_STATUS = "Type to search; enter opens the hit"


class SearchScreen(ListKeys, Screen[None]):
    COMMAND_SET = SEARCH
    BINDINGS = bindings(SEARCH)
    AUTO_FOCUS = "#query"

    class Results(Message):
        def __init__(self, query: str, hits: list[Hit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[Hit] = []
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search"):
            yield Input(self.initial, placeholder='Search every paragraph: words, "a phrase", Kiev OR Kyiv, sanction*', id="query")
            yield Static("", id="search-status")
            yield OpeningList(id="hits")
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
        self.hits = []
        self.query_text = ""
        query = self.query_one("#query", Input)
        with query.prevent(Input.Changed):
            query.value = ""
        self.query_one("#hits", OptionList).clear_options()
        self.query_one("#search-status", Static).update("")
        self.focus_query()

    def focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._run(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _run(self, query: str) -> None:
        hits = self.app.store(search, query, limit=LIMIT, rank_within=RANK_WITHIN) if query.strip() else []
        self.post_message(self.Results(query, hits))

    def on_search_screen_results(self, message: Results) -> None:
        if message.query != self.query_one("#query", Input).value:
            return
        self.hits = message.hits
        self.query_text = message.query
        options = self.query_one("#hits", OptionList)
        options.set_options(Option(_hit_line(h)) for h in self.hits)
        if self.hits:
            options.highlighted = 0
        more = "+" if len(self.hits) == LIMIT else ""
        status = f"{len(self.hits)}{more} {plural(len(self.hits), 'paragraph')}" if message.query.strip() else IDLE_STATUS
        self.query_one("#search-status", Static).update(status)

    @on(Input.Submitted, "#query")
    def _submitted(self, _: Input.Submitted) -> None:
        if self.hits:
            self.query_one("#hits", OptionList).focus()
            self.action_open_hit()

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, _: OptionList.OptionSelected) -> None:
        self.action_open_hit()

    def action_open_hit(self) -> None:
        index = self.query_one("#hits", OptionList).highlighted
        if index is None or index >= len(self.hits):
            return
        hit = self.hits[index]
        self.app.open_article(hit.doc_id, position=hit.position, query=self.query_text)

    @property
    def hit_list(self) -> StoppingOptionList:
        return self.query_one("#hits", StoppingOptionList)

    def active_list(self) -> StoppingOptionList:
        return self.hit_list

    def action_back(self) -> None:
        self.dismiss()


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
