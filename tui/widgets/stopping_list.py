"""An OptionList whose cursor stops at the first and last option, as every list of the reader does."""

from __future__ import annotations

from typing import Literal

from textual.binding import Binding
from textual.widgets import OptionList

Direction = Literal[-1, 1]


class StoppingOptionList(OptionList):
    """Up on the first option and down on the last stay where they are (OptionList wraps round)."""

    def watch_show_vertical_scrollbar(self) -> None:
        """OptionList keeps its options wrapped to the width they had before the scrollbar took two columns,
        which then hide their ends: wrap them again."""
        self._clear_caches()

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: Direction) -> None:
        if self.highlighted is None:
            self.action_first()
            return
        index = self._next_enabled(self.highlighted, direction)
        if index is None:
            self.at_end(direction)
        else:
            self.highlighted = index

    def _next_enabled(self, start: int, direction: Direction) -> int | None:
        indexes = range(start + 1, self.option_count) if direction > 0 else range(start - 1, -1, -1)
        return next((i for i in indexes if not self.get_option_at_index(i).disabled), None)

    def at_end(self, direction: Direction) -> None:
        """Called when the cursor is asked past the last option (1) or before the first (-1)."""


class OpeningList(StoppingOptionList):
    """A list whose enter opens the highlighted item; said in the footer, where OptionList's own hidden
    enter would otherwise stand for it."""

    BINDINGS = [Binding("enter", "select", "Open")]


class ChoosingList(StoppingOptionList):
    """The left-hand list of a two-pane screen: enter shows the highlighted item's paragraphs on the right."""

    BINDINGS = [Binding("enter", "select", "Its paragraphs")]
