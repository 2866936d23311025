"""Write a note on a paragraph; it is saved when the editor closes (ctrl+s or escape) and when the reader quits.
A note the store refuses keeps the editor open, with the text as typed."""

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

    def __init__(self, note: str, title: str, *, save: Callable[[str], bool]) -> None:
        """`save` writes the note (also when the reader quits with the editor open) and says whether it could."""
        super().__init__()
        self.note = note
        self.title_text = title
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label("escape or ctrl+s saves · ctrl+g discards · an empty note removes it", classes="dialog-help")
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)

    def action_save(self) -> None:
        note = self._typed()
        if self.save(note):
            self.dismiss(note)

    def action_discard(self) -> None:
        self.dismiss(None)

    def keep_before_quit(self) -> bool:
        return self.save(self._typed())

    def _typed(self) -> str:
        return self.query_one(TextArea).text.strip()
