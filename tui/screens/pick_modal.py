"""Choose one of a few things with the keyboard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from tui.widgets.stopping_list import StoppingOptionList

HELP = "↑↓ move · enter picks · escape cancels"


class PickModal(ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"), Binding("j", "down", show=False), Binding("k", "up", show=False),
        Binding("g", "first", show=False), Binding("G", "last", show=False),
    ]

    def __init__(self, title: str, choices: list[str], *, help_text: str = HELP) -> None:
        """`help_text` says what the keys do here, under the title, as the other dialogs do."""
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.help_text = help_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.help_text, id="pick-help", classes="dialog-help")
            yield StoppingOptionList(*self.choices, id="choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.result_for(event.option_index))

    def result_for(self, index: int) -> object:
        return index

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_first(self) -> None:
        self.query_one(OptionList).action_first()

    def action_last(self) -> None:
        self.query_one(OptionList).action_last()

    def action_cancel(self) -> None:
        self.dismiss(None)
