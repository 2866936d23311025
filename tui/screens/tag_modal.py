"""Ask for tags: completes existing ones as you type; a tag the paragraph already has is removed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label

from store.annotations import known_tags
from tui.screens.saving_modal import WAITING, SaveFunction, SavingModal


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


class TagModal(SavingModal[list[str]]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: list[str], title: str, *, save: SaveFunction[list[str]]) -> None:
        """`save` writes the tags typed; while it fails (and has said why) the dialog stays open with them."""
        super().__init__(save)
        self.current = current
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self._help(), id="tag-help", classes="dialog-help")
            yield Input(placeholder="tag, another tag", id="tags",
                        suggester=TagSuggester(lambda prefix: self.app.store(known_tags, prefix)))

    def _help(self) -> str:
        now = ", ".join(self.current) if self.current else "none"
        return (f"Tags now: {now}. Type tags, separated by commas (→ takes the grey completion); "
                "one it has already is removed. enter saves · escape cancels")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        tags = [t.strip() for t in event.value.split(",") if t.strip()]
        if tags:
            self.commit(tags)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        if not self.stop_waiting():
            self.dismiss(None)

    def show_saving(self, saving: bool) -> None:
        field = self.query_one(Input)
        field.disabled = saving
        help_line = self.query_one("#tag-help", Label)
        help_line.update("Saving… (escape stops waiting)" if saving else self._help())
        help_line.remove_class("-waiting")
        if not saving:
            field.focus()

    def show_waiting(self) -> None:
        help_line = self.query_one("#tag-help", Label)
        help_line.update(WAITING.format(stop="escape stops waiting"))
        help_line.add_class("-waiting")
