"""The key footer of every screen."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Footer
from textual.widget import Widget
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from tui.commands import DEFAULT_RANK, footer_rank

TRAILING_BLANK = 1
"""Every key ends in a blank column, which the last one shown may leave under the command palette's border."""


class KeysFooter(Footer):
    """Textual's Footer, showing only whole keys, rebuilt only when the keys it shows change.

    Where not every key fits, the least important are left out (see `Command.rank`) rather than the last one
    cut mid-word and the ones after it lost.

    Footer rebuilds all its keys on every bindings signal (each screen switch, focus change and app focus),
    though the keys are nearly always the same; each rebuild restyles a dozen widgets (~10 ms) and leaves
    them to the cycle collector, and it lands on the next key press.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._composed_for: tuple | None = None

    def _keys_signature(self) -> tuple:
        """Everything Footer.compose reads."""
        if not self._bindings_ready or not self.is_attached:
            return (False,)
        app = self.app
        keys = tuple(
            (binding, enabled, tooltip, app.get_key_display(binding))
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return (True, self.show_command_palette, app.ENABLE_COMMAND_PALETTE, app.COMMAND_PALETTE_BINDING, keys)

    async def recompose(self) -> None:
        signature = self._keys_signature()
        if signature == self._composed_for:
            return
        self._composed_for = signature
        await super().recompose()
        # Fitted now so that no key is drawn cut, and again once the new keys' styles are all applied (the
        # palette's key takes its compact style only after it is mounted).
        self._fit()
        self.call_after_refresh(self._fit)

    def on_resize(self, _: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the keys that fit beside the command palette's, whole; a group of keys and its label as one."""
        if not self.size.width:
            return
        palette = [key for key in self.query_children(FooterKey) if key.has_class("-command-palette")]
        room = self.size.width - sum(self._width(key) for key in palette) + TRAILING_BLANK
        units = self._units()
        active = self.screen.active_bindings
        ranks = [
            min((footer_rank(active[key.key].binding) if key.key in active else DEFAULT_RANK for key in keys),
                default=DEFAULT_RANK)
            for keys, _ in units
        ]
        shown = keys_that_fit([sum(self._width(part) for part in parts) for _, parts in units], ranks, room)
        for index, (_, parts) in enumerate(units):
            for part in parts:
                part.display = index in shown

    def _units(self) -> list[tuple[list[FooterKey], list[Widget]]]:
        """(keys, widgets shown or hidden together) in order: a lone key, or a group of keys with its label."""
        units: list[tuple[list[FooterKey], list[Widget]]] = []
        for child in self.children:
            if isinstance(child, FooterKey) and not child.has_class("-command-palette"):
                units.append(([child], [child]))
            elif isinstance(child, KeyGroup):
                units.append((list(child.query_children(FooterKey)), [child]))
            elif isinstance(child, FooterLabel) and units and isinstance(units[-1][1][-1], KeyGroup):
                units[-1][1].append(child)
        return units

    def _width(self, key: Widget) -> int:
        styles = key.styles
        if isinstance(key, KeyGroup):
            return sum(self._width(part) for part in key.query_children(FooterKey)) + styles.gutter.width + styles.margin.width
        return key.get_content_width(self.size, self.app.size) + styles.gutter.width + styles.margin.width


def keys_that_fit(widths: list[int], ranks: list[int], room: int) -> set[int]:
    """The indexes of the keys to show in `room` columns: by rank, then from the left, each that still fits."""
    shown: set[int] = set()
    for index in sorted(range(len(widths)), key=lambda i: (ranks[i], i)):
        if widths[index] <= room:
            shown.add(index)
            room -= widths[index]
    return shown
