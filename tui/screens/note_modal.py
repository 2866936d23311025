"""Write a note on a paragraph; it is saved when the editor closes (ctrl+s or escape) and when the reader quits."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class NoteModal(ModalScreen[str | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "save", "Save and close"),
        # Not ctrl+q: Textual's quit takes it before any screen sees it.
        Binding("ctrl+g", "discard", "Discard changes"),
    ]

    def __init__(self, note: str, title: str, *, keep: Callable[[str], object]) -> None:
        """`keep` writes the note; called when the reader quits with the editor open."""
        super().__init__()
        self.note = note
        self.title_text = title
        self.keep = keep

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label("escape or ctrl+s saves · ctrl+g discards · an empty note removes it", classes="dialog-help")
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_discard(self) -> None:
        self.dismiss(None)

    def keep_before_quit(self) -> None:
        self.keep(self.query_one(TextArea).text.strip())
