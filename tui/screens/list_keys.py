"""j/k/g/G on a screen whose keys move one of its lists."""

from __future__ import annotations

from textual.widgets import OptionList


class ListKeys:
    """The screen's cursor actions, applied to `active_list()` (nothing when it has none)."""

    def active_list(self) -> OptionList | None:
        raise NotImplementedError

    def action_cursor_down(self) -> None:
        if (options := self.active_list()) is not None:
            options.action_cursor_down()

    def action_cursor_up(self) -> None:
        if (options := self.active_list()) is not None:
            options.action_cursor_up()

    def action_cursor_top(self) -> None:
        if (options := self.active_list()) is not None:
            options.action_first()

    def action_cursor_bottom(self) -> None:
        if (options := self.active_list()) is not None:
            options.action_last()
