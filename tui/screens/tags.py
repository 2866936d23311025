"""Tags: every tag with its count; its paragraphs across all articles; enter goes to the paragraph."""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.annotations import TaggedQuote, orphaned, paragraphs_with_tag, tags_with_counts
from tui.screens.two_pane import TwoPaneScreen

ORPHANS = "\0orphans"


class TagsScreen(TwoPaneScreen):

    class Tags(Message):
        def __init__(self, counts: list[tuple[str, int]], orphans: int) -> None:
            super().__init__()
            self.counts = counts
            self.orphans = orphans

    class Quotes(Message):
        def __init__(self, tag: str, quotes: list[TaggedQuote]) -> None:
            super().__init__()
            self.tag = tag
            self.quotes = quotes

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.quotes: list[TaggedQuote] = []

    def on_mount(self) -> None:
        self.sub_title = "Tags"
        self.refresh_data()

    def refresh_data(self) -> None:
        self._fetch_tags()

    @work(thread=True, exclusive=True, group="tags")
    def _fetch_tags(self) -> None:
        counts = self.app.store(tags_with_counts)
        orphans = len(self.app.store(orphaned, limit=1000))
        self.post_message(self.Tags(counts, orphans))

    def on_tags_screen_tags(self, message: Tags) -> None:
        self.tags = [t for t, _ in message.counts] + ([ORPHANS] if message.orphans else [])
        labels = [Content.assemble((f"● {t}", "bold"), (f"  {n}", "$text-muted")) for t, n in message.counts]
        if message.orphans:
            labels.append(Content.styled(f"orphaned notes  {message.orphans}", "italic $text-warning"))
        tag_list = self.left
        tag_list.set_options(labels or [Option("No tags yet: press t on a paragraph to tag it", disabled=True)])
        if self.tags:
            tag_list.highlighted = 0

    @on(OptionList.OptionHighlighted, "#left")
    def _tag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.tags):
            self._fetch_quotes(self.tags[event.option_index])

    @work(thread=True, exclusive=True, group="tag-quotes")
    def _fetch_quotes(self, tag: str) -> None:
        if tag == ORPHANS:
            quotes = [TaggedQuote(a.doc_id, f"document {a.doc_id}", a.n, None, a.text, a.figure_text, None, a.id,
                                  note=a.note, orphaned=True) for a in self.app.store(orphaned)]
        else:
            quotes = self.app.store(paragraphs_with_tag, tag)
        self.post_message(self.Quotes(tag, quotes))

    def on_tags_screen_quotes(self, message: Quotes) -> None:
        self.quotes = message.quotes
        options = []
        for q in message.quotes:
            where = f"¶{q.n}" if q.n is not None else "gone"
            head = Content.assemble((q.title, "bold"), (f"  {where} · {q.published or ''}", "$text-muted"))
            body = Content(q.figure_text and f"“{q.figure_text}” in: {q.text}" or q.text)
            lines = [head, body] + ([Content.styled(f"✎ {q.note}", "italic")] if q.note else [])
            options.append(Option(Content("\n").join(lines)))
        self.right.set_options(options)

    def open_right(self, index: int) -> None:
        if index >= len(self.quotes) or self.quotes[index].paragraph_id is None:
            return
        quote = self.quotes[index]
        self.app.open_article(quote.doc_id, position=quote.position)
