"""The highlighted document's opening, beside the library on a wide terminal."""

from __future__ import annotations

from textual import work
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from store.queries import document, paragraphs_of

OPENING = 4


class Preview(Static):
    class Ready(Message):
        def __init__(self, doc_id: int, content: Content) -> None:
            super().__init__()
            self.doc_id = doc_id
            self.content = content

    def show(self, doc_id: int) -> None:
        if self.display:
            self._fetch(doc_id)

    @work(thread=True, exclusive=True, group="preview")
    def _fetch(self, doc_id: int) -> None:
        doc = self.app.store(document, doc_id)
        paragraphs = self.app.store(paragraphs_of, doc_id, limit=OPENING)
        meta = " · ".join(x for x in (doc.byline, doc.source, doc.published, f"{doc.paragraphs} ¶") if x)
        parts = [Content.styled(doc.display_title, "bold"), Content.styled(meta, "$text-muted")]
        parts += [Content(p.text) for p in paragraphs]
        self.post_message(self.Ready(doc_id, Content("\n\n").join(parts)))

    def on_preview_ready(self, message: Ready) -> None:
        self.update(message.content)
