"""Choose one tag from those in the store (for filtering the library), narrowing the list as you type."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from store.annotations import narrowed_tags, tags_with_counts
from tui.widgets.stopping_list import StoppingOptionList

ALL = "(every document)"
EVERY_DOCUMENT = ""
"""The result for "(every document)"; None is kept for cancelling, which leaves the library's filter alone."""
NO_TAGS = "No tags yet: tag a paragraph with t"
HELP = "↑↓ move · enter shows only that tag · escape cancels"


class NarrowedList(StoppingOptionList, can_focus=False):
    """The tags listed; it never takes focus, so that every letter typed goes to the box above it."""


def no_match(text: str) -> str:
    return f'No tag contains "{" ".join(text.split())}"'


class TagPickModal(ModalScreen[str | None]):
    """Dismisses with the tag chosen, EVERY_DOCUMENT for every document, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "cursor_down", "Next tag", show=False),
        Binding("up", "cursor_up", "Previous tag", show=False),
        Binding("pagedown", "page_down", "Tags a page down", show=False),
        Binding("pageup", "page_up", "Tags a page up", show=False),
    ]
    AUTO_FOCUS = "#tag-narrow"

    def __init__(self, *, allow_clear: bool = True) -> None:
        super().__init__()
        self.allow_clear = allow_clear
        self.counts: list[tuple[str, int]] | None = None
        """Every tag with its count, once read."""
        self.shown: list[str] = []
        """The result of each option listed, in order."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Show only documents tagged…", classes="dialog-title")
            yield Label(HELP, classes="dialog-help")
            yield Input(placeholder="type to narrow", id="tag-narrow")
            yield NarrowedList(id="choices", markup=False)

    def on_mount(self) -> None:
        self._fetch()

    @work(thread=True, exclusive=True)
    def _fetch(self) -> None:
        counts = self.app.store(tags_with_counts)
        self.app.call_from_thread(self._fill, counts)

    def _fill(self, counts: list[tuple[str, int]]) -> None:
        self.counts = counts
        self._narrow(self.query_one("#tag-narrow", Input).value)

    @on(Input.Changed, "#tag-narrow")
    def _typed(self, event: Input.Changed) -> None:
        if self.counts is not None:
            self._narrow(event.value)

    def _narrow(self, text: str) -> None:
        """List the tags containing `text`; "(every document)" only while nothing is typed, so that enter after
        typing never clears the filter by mistake."""
        assert self.counts is not None
        tags = narrowed_tags(self.counts, text)
        everything = self.allow_clear and not text.strip()
        self.shown = ([EVERY_DOCUMENT] if everything else []) + [tag for tag, _ in tags]
        prompts = ([ALL] if everything else []) + [f"{tag}  ({count})" for tag, count in tags]
        options = self.options
        options.set_options(prompts or [Option(self._nothing_to_list(text), disabled=True)])
        options.highlighted = 0 if prompts else None

    def _nothing_to_list(self, text: str) -> str:
        return no_match(text) if text.strip() else NO_TAGS

    @property
    def options(self) -> OptionList:
        return self.query_one("#choices", OptionList)

    @on(Input.Submitted, "#tag-narrow")
    def _enter(self, _: Input.Submitted) -> None:
        self.options.action_select()

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_cursor_down(self) -> None:
        self.options.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.options.action_cursor_up()

    def action_page_down(self) -> None:
        self.options.action_page_down()

    def action_page_up(self) -> None:
        self.options.action_page_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
