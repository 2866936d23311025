"""Choose one tag from those in the store (for filtering the library)."""

from __future__ import annotations

from textual import work

from store.annotations import tags_with_counts
from tui.screens.pick_modal import PickModal

ALL = "(every document)"


class TagPickModal(PickModal):
    """Dismisses with the tag chosen, or None for every document."""

    def __init__(self, *, allow_clear: bool = True) -> None:
        super().__init__("Show only documents tagged…", [])
        self.allow_clear = allow_clear
        self.tags: list[str] = []

    def on_mount(self) -> None:
        self._fetch()

    @work(thread=True, exclusive=True)
    def _fetch(self) -> None:
        counts = self.app.store(tags_with_counts)
        self.app.call_from_thread(self._fill, counts)

    def _fill(self, counts: list[tuple[str, int]]) -> None:
        from textual.widgets import OptionList

        self.tags = ([ALL] if self.allow_clear else []) + [tag for tag, _ in counts]
        labels = ([ALL] if self.allow_clear else []) + [f"{tag}  ({count})" for tag, count in counts]
        options = self.query_one(OptionList)
        options.set_options(labels or ["No tags yet: tag a paragraph with t"])
        options.highlighted = 0

    def result_for(self, index: int) -> str | None:
        tag = self.tags[index] if index < len(self.tags) else ALL
        return None if tag == ALL else tag
