"""Every command of the reader, declared once: its keys, action and description.

Screens take their BINDINGS from here, so the footer, the `?` help and the command palette
always agree, and every binding has an id that `App.set_keymap` can rebind.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

DEFAULT_RANK = 2


@dataclass(frozen=True, slots=True)
class Command:
    id: str
    keys: str
    action: str
    description: str
    show: bool = True
    palette: bool = True
    rank: int = DEFAULT_RANK
    """How much the footer needs it: where not every key fits, rank 1 goes in first, then 2, then 3 and 4."""
    footer_group: str | None = None
    """One footer label for this and the commands next to it with the same: `[ ] Prev/next article`."""
    priority: bool = False
    """Taken before the focused widget sees the key: a key a text box would otherwise type."""

    def binding(self) -> Binding:
        group = Binding.Group(self.footer_group) if self.footer_group else None
        return Binding(self.keys, self.action, self.description, show=self.show, id=self.id, group=group,
                       priority=self.priority)

    @property
    def key_display(self) -> str:
        return ", ".join(KEY_NAMES.get(k, k) for k in self.keys.split(","))


KEY_NAMES = {
    "question_mark": "?", "slash": "/", "space": "space", "left_square_bracket": "[",
    "right_square_bracket": "]", "escape": "esc", "enter": "enter", "greater_than_sign": ">",
    "less_than_sign": "<", "full_stop": ".", "comma": ",",
}

GLOBAL = (
    Command("help", "question_mark", "app.help", "Keys", rank=1),
    Command("search", "slash", "app.search", "Search", show=False),
    Command("library", "L", "app.library", "Library", show=False),
    Command("repeats", "R", "app.repeats", "Repeats", show=False),
    Command("figures_screen", "F", "app.figures", "Figures", show=False),
    Command("tags_screen", "T", "app.tags", "Tags", show=False),
    Command("export", "E", "app.export", "Export notes", show=False),
    Command("refresh", "ctrl+r,f5", "app.refresh", "Refresh", show=False),
    Command("theme_toggle", "ctrl+t", "app.toggle_dark", "Light/dark", show=False),
    Command("quit", "q", "app.quit", "Quit", rank=4),
)

LIBRARY = (
    Command("open", "enter", "open_document", "Open", rank=1),
    Command("library_down", "j,down", "cursor_down", "Down", show=False),
    Command("library_up", "k,up", "cursor_up", "Up", show=False),
    Command("library_top", "g,home", "cursor_top", "Top", show=False),
    Command("library_bottom", "G,end", "cursor_bottom", "Bottom", show=False),
    Command("filter", "f", "focus_filter", "Filter", rank=1),
    Command("sort", "s", "cycle_sort", "Sort"),
    Command("toggle_read", "m", "toggle_read", "Read/unread", rank=3),
    Command("tag_filter", "ctrl+g", "filter_tag", "Only a tag", show=False),
    Command("library_repeats", "R", "app.repeats", "Repeats", palette=False),
    Command("library_figures", "F", "app.figures", "Figures", palette=False),
    Command("library_tags", "T", "app.tags", "Tags", palette=False),
    Command("library_export", "E", "app.export", "Export", palette=False, rank=3),
)

FILTER_BOX = (
    Command("filter_open", "enter", "submit", "Open", rank=1, palette=False),
    Command("filter_back", "escape", "screen.leave_filter", "Back", rank=1, palette=False),
    Command("filter_up", "up", "screen.cursor_up", "Up", palette=False, footer_group="Move"),
    Command("filter_down", "down", "screen.cursor_down", "Down", palette=False, footer_group="Move"),
)
"""While typing in the Library's filter (f) or the Figures' counted noun (c): the letters are the box's, these keys
are not; escape goes back to the list, keeping what was typed."""

ARTICLE = (
    Command("down", "j,down", "cursor_down", "Next ¶", show=False),
    Command("up", "k,up", "cursor_up", "Previous ¶", show=False),
    Command("page_down", "space,pagedown", "page_down", "Page down", show=False),
    Command("page_up", "b,pageup", "page_up", "Page up", show=False),
    Command("top", "g,home", "cursor_top", "Top", show=False),
    Command("bottom", "G,end", "cursor_bottom", "Bottom", show=False),
    Command("previous_article", "left_square_bracket", "previous_article", "Previous article", rank=3,
            footer_group="Prev/next article"),
    Command("next_article", "right_square_bracket", "next_article", "Next article", rank=3,
            footer_group="Prev/next article"),
    Command("back", "escape", "back", "Back", rank=1),
    Command("hidden", "h", "toggle_hidden", "Boilerplate", show=False),
    Command("article_search", "slash", "app.search", "Search", palette=False),
    Command("next_hit", "n", "next_hit", "Next hit", show=False),
    Command("previous_hit", "N", "previous_hit", "Previous hit", show=False),
    Command("next_repeat", "r", "next_repeat", "Next copy"),
    Command("fold_repeats", "z", "fold_repeats", "Fold repeats", show=False),
    Command("figures_panel", "p", "toggle_figures", "Figures panel"),
    Command("next_figure", "x", "next_figure", "Next figure", show=False),
    Command("previous_figure", "X", "previous_figure", "Previous figure", show=False),
    Command("tag", "t", "tag", "Tag", rank=1),
    Command("tag_figure", "ctrl+f", "tag_figure", "Tag a figure", show=False),
    Command("repeat_tag", "full_stop", "repeat_tag", "Repeat tag, next ¶", show=False),
    Command("note", "a", "note", "Note", rank=1),
    Command("fold_notes", "o", "fold_notes", "Fold notes", show=False),
    Command("undo", "u", "undo", "Undo", rank=1),
)

SEARCH = (
    Command("search_open", "enter", "open_hit", "Open", rank=1),
    Command("search_down", "j,down", "cursor_down", "Next hit", show=False),
    Command("search_up", "k,up", "cursor_up", "Previous hit", show=False),
    Command("search_top", "g,home", "cursor_top", "First hit", show=False),
    Command("search_bottom", "G,end", "cursor_bottom", "Last hit", show=False),
    Command("search_back", "escape", "back", "Back", rank=1),
    Command("search_focus", "tab", "app.focus_next", "Hits ⇄ query", rank=2, palette=False),
    Command("search_again", "slash", "select_query", "Search again", show=False, palette=False, priority=True),
)

SEARCH_QUERY = (
    Command("query_open", "enter", "submit", "Open", rank=1, palette=False),
)
"""While typing the query: enter opens the highlighted hit of what is typed (the letters are the query's)."""

LIST_SCREEN = (
    Command("list_open", "enter", "open_item", "Open", rank=1),
    Command("list_back", "escape", "back", "Back", rank=1),
    Command("list_down", "j", "cursor_down", "Down", show=False),
    Command("list_up", "k", "cursor_up", "Up", show=False),
)

TWO_PANE = (
    *LIST_SCREEN,
    Command("list_top", "g", "cursor_top", "First", show=False),
    Command("list_bottom", "G", "cursor_bottom", "Last", show=False),
)

FIGURES = (
    *LIST_SCREEN,
    Command("figures_sort", "s", "cycle_sort", "Sort"),
    Command("figures_counted", "c", "focus_counted", "Counted noun"),
    Command("figures_down", "down", "cursor_down", "Down", show=False, palette=False),
    Command("figures_up", "up", "cursor_up", "Up", show=False, palette=False),
    Command("figures_top", "g,home", "cursor_top", "First row", show=False),
    Command("figures_bottom", "G,end", "cursor_bottom", "Last row", show=False),
)

GROUPS: dict[str, tuple[Command, ...]] = {
    "Everywhere": GLOBAL,
    "Library": LIBRARY,
    "Filter boxes (f, c)": FILTER_BOX,
    "Article": ARTICLE,
    "Search": SEARCH,
    "Repeats, Tags": TWO_PANE,
    "Figures": FIGURES,
}


def bindings(commands: tuple[Command, ...]) -> list[Binding]:
    return [c.binding() for c in commands]


RANKS = {command.id: command.rank for commands in GROUPS.values() for command in commands}


def footer_rank(binding: Binding) -> int:
    """The rank of the command a binding was made from; a binding of no command (a dialog's) ranks 2."""
    return RANKS.get(binding.id or "", DEFAULT_RANK)
