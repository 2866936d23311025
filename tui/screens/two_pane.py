"""A list on the left whose chosen item fills a list on the right; enter on the right opens an article."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, OptionList

from tui.commands import TWO_PANE, bindings
from tui.screens.list_keys import ListKeys
from tui.widgets.footer import KeysFooter
from tui.widgets.stopping_list import ChoosingList, OpeningList


class TwoPaneScreen(ListKeys, Screen[None]):
    COMMAND_SET = TWO_PANE
    BINDINGS = bindings(TWO_PANE)
    AUTO_FOCUS = "#left"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="list-screen"):
            yield ChoosingList(id="left")
            yield OpeningList(id="right")
        yield KeysFooter()

    @property
    def left(self) -> OptionList:
        return self.query_one("#left", OptionList)

    @property
    def right(self) -> OptionList:
        return self.query_one("#right", OptionList)

    def open_right(self, index: int) -> None:
        """Open the right-hand item at `index` (an article at a paragraph)."""
        raise NotImplementedError

    @on(OptionList.OptionSelected, "#left")
    def _left_chosen(self, _: OptionList.OptionSelected) -> None:
        self.right.focus()
        if self.right.option_count:
            self.right.highlighted = 0

    @on(OptionList.OptionSelected, "#right")
    def _right_chosen(self, _: OptionList.OptionSelected) -> None:
        self.action_open_item()

    def action_open_item(self) -> None:
        if not self.right.has_focus:
            self.left.action_select()
        elif self.right.highlighted is not None:
            self.open_right(self.right.highlighted)

    def active_list(self) -> OptionList | None:
        return self.focused if isinstance(self.focused, OptionList) else None

    def action_back(self) -> None:
        if self.right.has_focus:
            self.left.focus()
        else:
            self.dismiss()
