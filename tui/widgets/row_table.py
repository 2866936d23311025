"""A table whose `home` and `end` go to its first and last row."""

from __future__ import annotations

from textual.widgets import DataTable


class RowTable(DataTable):
    """A table of rows only as wide as the screen: `home` and `end` are left to the screen's first and last row
    rather than scrolling sideways."""

    SIDEWAYS = frozenset({"scroll_home", "scroll_end"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.SIDEWAYS and super().check_action(action, parameters)
