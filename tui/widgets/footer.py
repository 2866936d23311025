"""The key footer of every screen."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer, rebuilt only when the keys it shows change.

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
