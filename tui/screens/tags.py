"""Tags: every tag with its count, then the notes without a tag; its paragraphs across all articles; enter goes to
the paragraph.

An orphan (its text gone from the article) opens its article at the top, saying why."""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.annotations import (
    TaggedQuote, orphan_count, orphaned_quotes, paragraphs_with_tag, tags_with_counts, untagged_note_count,
    untagged_notes,
)
from store.annotations.compare import what_changed
from store.queries import document
from tui.screens.two_pane import TwoPaneScreen
from tui.widgets.paragraph import MARKER_CHANGED, MARKER_NOTE

ORPHANS = "\0orphans"
UNTAGGED = "\0untagged"
MARKER_ORPHAN = "⚠"
LISTED = 500
"""Places listed for one tag at most; the export holds them all."""


class TagsScreen(TwoPaneScreen):

    class Tags(Message):
        def __init__(self, counts: list[tuple[str, int]], untagged: int, orphans: int) -> None:
            super().__init__()
            self.counts = counts
            self.untagged = untagged
            self.orphans = orphans

    class Quotes(Message):
        def __init__(self, tag: str, quotes: list[TaggedQuote]) -> None:
            super().__init__()
            self.tag = tag
            self.quotes = quotes

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.counts: dict[str, int] = {}
        self.quotes: list[TaggedQuote] = []

    def on_mount(self) -> None:
        self.sub_title = "Tags"
        self.refresh_data()

    def refresh_data(self) -> None:
        self._fetch_tags()

    @work(thread=True, exclusive=True, group="tags")
    def _fetch_tags(self) -> None:
        counts = self.app.store(tags_with_counts)
        untagged = self.app.store(untagged_note_count)
        orphans = self.app.store(orphan_count)
        self.post_message(self.Tags(counts, untagged, orphans))

    def on_tags_screen_tags(self, message: Tags) -> None:
        before = self._highlighted_tag()
        self.tags = [t for t, _ in message.counts] + ([UNTAGGED] if message.untagged else [])
        self.tags += [ORPHANS] if message.orphans else []
        self.counts = dict(message.counts) | {UNTAGGED: message.untagged, ORPHANS: message.orphans}
        labels = [Content.assemble((f"● {t}", "bold"), (f"  {n}", "$text-muted")) for t, n in message.counts]
        if message.untagged:
            labels.append(Content.assemble((f"{MARKER_NOTE} notes without a tag", "italic"),
                                           (f"  {message.untagged}", "$text-muted")))
        if message.orphans:
            labels.append(Content.assemble((f"{MARKER_ORPHAN} orphaned tags and notes", "italic $text-warning"),
                                           (f"  {message.orphans}", "$text-muted")))
        tag_list = self.left
        tag_list.set_options(labels or [Option("No tags yet: press t on a paragraph to tag it", disabled=True)])
        if self.tags:
            # Read again (ctrl+r, a stale entry), the list stays on the tag the reader was on.
            tag_list.highlighted = self.tags.index(before) if before in self.tags else 0

    def _highlighted_tag(self) -> str | None:
        index = self.left.highlighted
        return self.tags[index] if index is not None and index < len(self.tags) else None

    @on(OptionList.OptionHighlighted, "#left")
    def _tag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.tags):
            self._fetch_quotes(self.tags[event.option_index])

    @work(thread=True, exclusive=True, group="tag-quotes")
    def _fetch_quotes(self, tag: str) -> None:
        if tag == ORPHANS:
            quotes = self.app.store(orphaned_quotes, limit=LISTED)
        elif tag == UNTAGGED:
            quotes = self.app.store(untagged_notes, limit=LISTED)
        else:
            quotes = self.app.store(paragraphs_with_tag, tag, limit=LISTED)
        self.post_message(self.Quotes(tag, quotes))

    def on_tags_screen_quotes(self, message: Quotes) -> None:
        if message.tag != self._highlighted_tag():
            return  # the reader has moved on to another tag meanwhile
        before = self.quotes[self.right.highlighted].annotation_id if self._right_on_a_quote() else None
        self.quotes = message.quotes
        options = [Option(quote_visual(q)) for q in message.quotes]
        unlisted = self.counts.get(message.tag, 0) - len(message.quotes)
        if len(message.quotes) == LISTED and unlisted > 0:
            options.append(Option(Content.styled(f"… {unlisted:,} more, not listed here: E exports them all",
                                                 "italic $text-muted"), disabled=True))
        self.right.set_options(options)
        if self.quotes:
            ids = [q.annotation_id for q in self.quotes]
            self.right.highlighted = ids.index(before) if before in ids else 0

    def _right_on_a_quote(self) -> bool:
        index = self.right.highlighted
        return index is not None and index < len(self.quotes)

    def open_right(self, index: int) -> None:
        if index >= len(self.quotes):
            return
        quote = self.quotes[index]
        if quote.orphaned or quote.paragraph_id is None:
            self._open_orphan(quote)
        elif not self.app.open_listed(quote.doc_id, quote.paragraph_id, quote.text, quote.n):
            self.refresh_data()

    def _open_orphan(self, quote: TaggedQuote) -> None:
        if not self.app.store(document, quote.doc_id).paragraphs:
            self.app.notify(f"“{quote.title}” is no longer in its file: its annotations are kept here",
                            title="Orphaned", severity="warning", timeout=6)
            return
        self.app.open_article(quote.doc_id)
        self.app.notify(f"Its text (was {where_it_was(quote)}) is no longer in this article: opened at the top",
                        title="Orphaned", severity="warning", timeout=6)


def where_it_was(quote: TaggedQuote) -> str:
    return f"¶{quote.n}" if quote.n is not None else "the title"


def quote_visual(quote: TaggedQuote) -> Content:
    """Title and place, the quote, then what changed since it was noted and the note."""
    lines = [_quote_head(quote), Content(f"“{quote.figure_text}” in: {quote.text}" if quote.figure_text else quote.text)]
    if quote.changed_since_noted:
        change = what_changed(quote.original_text, quote.text)
        lines.append(Content.styled(f"{MARKER_CHANGED} changed since noted: {change}", "$text-warning"))
    if quote.orphaned and quote.tags:
        lines.append(Content.styled(f"tagged {', '.join(quote.tags)}", "$text-secondary"))
    if quote.note:
        lines.append(Content.styled(f"{MARKER_NOTE} {quote.note}", "italic"))
    return Content("\n").join(lines)


def _quote_head(quote: TaggedQuote) -> Content:
    if quote.orphaned:
        place = Content.styled(f"{MARKER_ORPHAN} orphaned, was {where_it_was(quote)}", "italic $text-warning")
    else:
        place = Content.styled(f"¶{quote.n}" if quote.n is not None else "title", "$text-muted")
    head = Content.assemble(Content.styled(quote.title, "bold"), "  ", place)
    return head + Content.styled(f" · {quote.published}", "$text-muted") if quote.published else head
