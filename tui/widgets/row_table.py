"""A table whose `home` and `end` go to its first and last row."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int


class RowTable(DataTable):
    """A table of rows only as wide as the screen: `home` and `end` are left to the screen's first and last row
    rather than scrolling sideways."""

    SIDEWAYS = frozenset({"scroll_home", "scroll_end"})
    fitted: tuple[Column, ...] = ()
    """The columns last given to `fit`."""

    class Resized(Message):
        """The table's own size changed (the screen's may not have: a preview pane came or went beside it)."""

    def on_resize(self, _: events.Resize) -> None:
        self.post_message(self.Resized())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.SIDEWAYS and super().check_action(action, parameters)

    def fit(self, columns: tuple[Column, ...], cells: Callable[[], Iterable[Sequence[object]]]) -> None:
        """Take these columns: new widths in place while the same columns stay, else every row laid out again from
        `cells` (in the new columns), the cursor kept on its row."""
        same_keys = [c.key for c in columns] == [c.key for c in self.fitted]
        self.fitted = columns
        if same_keys:
            self.resize_columns(columns)
            return
        cursor = self.cursor_row
        self.clear(columns=True)
        for column in columns:
            self.add_column(column.label, key=column.key, width=column.width)
        self.add_rows(cells())
        self.move_cursor(row=cursor, animate=False)

    def resize_columns(self, columns: Iterable[Column]) -> None:
        """New widths without laying out every row again (half a second for 3,000 rows)."""
        for column in columns:
            self.columns[ColumnKey(column.key)].width = column.width
        self.columns_resized()

    def columns_resized(self) -> None:
        """After column widths were set by hand: DataTable keeps the scrollable width they had when the rows
        went in, which let the table scroll sideways into blank columns."""
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width, self.virtual_size.height)
        # Rows drawn since the resize were cached at the old widths.
        self._clear_caches()
        self.refresh()
