"""Write a note on a paragraph; it is saved when the editor closes (ctrl+s or escape) and when the reader quits.
A note the store refuses keeps the editor open, with the text as typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, TextArea

from tui.screens.saving_modal import WAITING, SaveFunction, SavingModal

HELP = "escape or ctrl+s saves · ctrl+g discards · an empty note removes it"


class NoteModal(SavingModal[str]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "save", "Save and close"),
        # Not ctrl+q: Textual's quit takes it before any screen sees it.
        Binding("ctrl+g", "discard", "Discard changes"),
    ]

    def __init__(self, note: str, title: str, *, save: SaveFunction[str]) -> None:
        """`save` writes the note (also when the reader quits with the editor open) and says whether it could."""
        super().__init__(save)
        self.note = note
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(HELP, id="note-help", classes="dialog-help")
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        # A note opened again is usually added to: the cursor starts after its text, not before it.
        editor = self.query_one(TextArea)
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.commit(self._typed())

    def action_discard(self) -> None:
        # A save waiting for another program is given up first; one already made stands, and closes the editor.
        if not self.stop_waiting():
            self.dismiss(None)

    def keep_before_quit(self) -> bool:
        """True when nothing is left to save; otherwise the note is being saved, and the reader quits once it is."""
        if self.job is None and self._typed() == self.note.strip():
            return True
        self.commit(self._typed())
        return False

    def show_saving(self, saving: bool) -> None:
        self.query_one(TextArea).read_only = saving
        help_line = self.query_one("#note-help", Label)
        help_line.update("Saving… (ctrl+g stops waiting and discards)" if saving else HELP)
        help_line.remove_class("-waiting")

    def show_waiting(self) -> None:
        help_line = self.query_one("#note-help", Label)
        help_line.update(WAITING.format(stop="ctrl+g stops waiting and discards"))
        help_line.add_class("-waiting")

    def _typed(self) -> str:
        return self.query_one(TextArea).text.strip()
