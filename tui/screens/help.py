"""Every key, grouped by screen, built from the same command list as the bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui.commands import GROUPS
from tui.widgets.footer import KeysFooter

INTRO = """\
# tearsheet keys

Every command is also in the command palette (**ctrl+p**), by name.
Figures are marked in the text by style (count **bold underline**, money ***bold italic***, date *italic underline*)
and in the gutter: `≡3` a paragraph repeated 3 times in the collection, `●` tagged, `✎` with a note.

Library columns: `●` unread; **¶** paragraphs; **Fig** figures; **Tag** paragraphs marked `●` or `✎` in the article
(tags and notes orphaned when its file was loaded again are not counted: Tags, **T**, lists them);
**New** the share of the article's paragraphs that are not copies of text printed earlier, here or in another
article (a copy that changes a figure counts as new; 100% all its own; a low New is mostly recycled text). Below 100 columns ¶ and Fig are left out.

Figures sort (**s**) by value, each currency and unit apart; by **when**, the date a figure names, earliest first (a
timeline, the figures naming none after); by **published**, the article's date, newest first; by document; by kind.
"""


def help_markdown() -> str:
    sections = [INTRO]
    for group, commands in GROUPS.items():
        rows = "\n".join(f"| `{c.key_display}` | {c.description} |" for c in commands)
        sections.append(f"## {group}\n\n| Key | Does |\n|---|---|\n{rows}\n")
    return "\n".join(sections)


class HelpText(VerticalScroll):
    """The keys, paged as an article is."""

    BINDINGS = [
        Binding("space", "page_down", "Page down"),
        Binding("b", "page_up", "Page up"),
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with HelpText(id="help"):
            yield Markdown(help_markdown())
        yield KeysFooter()

    def action_close(self) -> None:
        self.dismiss()
