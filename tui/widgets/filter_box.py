"""The box above a list that narrows it as you type (the Library's filter, the Figures' counted noun)."""

from __future__ import annotations

from textual.widgets import Input

from tui.commands import FILTER_BOX, bindings


class FilterBox(Input):
    """Its footer says what enter, escape and the arrows do while typing in it; the screen holding it has
    `leave_filter`, `cursor_up` and `cursor_down` actions."""

    BINDINGS = bindings(FILTER_BOX)
