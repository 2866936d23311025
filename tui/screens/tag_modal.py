"""Ask for tags: completes existing ones as you type; a tag the paragraph already has is removed."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label

from store.annotations import known_tags


class TagSuggester(Suggester):
    """Completes the last tag of a comma-separated list from the tags already in the store."""

    def __init__(self, lookup) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.lookup = lookup

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        last = last.lstrip()
        if not last:
            return None
        for tag in self.lookup(last):
            if tag.casefold().startswith(last.casefold()) and tag.casefold() != last.casefold():
                return f"{head}{', ' if head else ''}{tag}"
        return None


class TagModal(ModalScreen[list[str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: list[str], title: str, *, save: Callable[[list[str]], bool]) -> None:
        """`save` writes the tags typed; while it fails (and has said why) the dialog stays open with them."""
        super().__init__()
        self.current = current
        self.title_text = title
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            now = ", ".join(self.current) if self.current else "none"
            yield Label(f"Tags now: {now}. Type tags, separated by commas; one it has already is removed.", classes="dialog-help")
            yield Input(placeholder="tag, another tag", id="tags",
                        suggester=TagSuggester(lambda prefix: self.app.store(known_tags, prefix)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        tags = [t.strip() for t in event.value.split(",") if t.strip()]
        if not tags:
            self.dismiss(None)
        elif self.save(tags):
            self.dismiss(tags)

    def action_cancel(self) -> None:
        self.dismiss(None)
