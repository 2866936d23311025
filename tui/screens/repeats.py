"""Repeats: groups of near-duplicate paragraphs, largest first; a group's copies with what changed marked."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from store.repeats import RepeatGroup, changed_numbers, groups, members, word_diff
from tui.commands import LIST_SCREEN, bindings

PAGE = 200
DIFF_STYLES = {"delete": "strike $text-error", "insert": "bold underline $text-success"}
DIFF_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


class RepeatsScreen(Screen[None]):
    COMMAND_SET = LIST_SCREEN
    BINDINGS = bindings(LIST_SCREEN)
    AUTO_FOCUS = "#repeat-groups"

    class Groups(Message):
        def __init__(self, found: list[RepeatGroup], offset: int) -> None:
            super().__init__()
            self.found = found
            self.offset = offset

    class Members(Message):
        def __init__(self, group_id: int, found: list) -> None:
            super().__init__()
            self.group_id = group_id
            self.found = found

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[RepeatGroup] = []
        self.members: list = []
        self._more = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="list-screen"):
            yield OptionList(id="repeat-groups")
            yield OptionList(id="repeat-members")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Repeats"
        self.refresh_data()

    def refresh_data(self) -> None:
        self._fetch(0)

    @work(thread=True, exclusive=True, group="repeat-groups")
    def _fetch(self, offset: int) -> None:
        self.post_message(self.Groups(self.app.store(groups, min_size=2, limit=PAGE, offset=offset), offset))

    def on_repeats_screen_groups(self, message: Groups) -> None:
        if message.offset == 0:
            self.groups = []
        self.groups.extend(message.found)
        self._more = len(message.found) == PAGE
        listing = self.query_one("#repeat-groups", OptionList)
        options = [Option(_group_line(g)) for g in message.found]
        if message.offset == 0:
            listing.set_options(options or [Option("No repeated paragraphs in the collection", disabled=True)])
            if self.groups:
                listing.highlighted = 0
        else:
            listing.add_options(options)

    @on(OptionList.OptionHighlighted, "#repeat-groups")
    def _group_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        if index < len(self.groups):
            self._fetch_members(self.groups[index].id)
        if self._more and index >= len(self.groups) - 20:
            self._more = False
            self._fetch(len(self.groups))

    @work(thread=True, exclusive=True, group="repeat-members")
    def _fetch_members(self, group_id: int) -> None:
        self.post_message(self.Members(group_id, self.app.store(members, group_id)))

    def on_repeats_screen_members(self, message: Members) -> None:
        self.members = message.found
        if not self.members:
            return
        first = self.members[0]
        options = [Option(_member_line(m, first)) for m in self.members]
        self.query_one("#repeat-members", OptionList).set_options(options)

    @on(OptionList.OptionSelected, "#repeat-groups")
    def _group_chosen(self, _: OptionList.OptionSelected) -> None:
        copies = self.query_one("#repeat-members", OptionList)
        copies.focus()
        if self.members:
            copies.highlighted = 0

    @on(OptionList.OptionSelected, "#repeat-members")
    def _member_chosen(self, _: OptionList.OptionSelected) -> None:
        self.action_open_item()

    def action_open_item(self) -> None:
        copies = self.query_one("#repeat-members", OptionList)
        if not copies.has_focus:
            self.query_one("#repeat-groups", OptionList).action_select()
            return
        index = copies.highlighted
        if index is None or index >= len(self.members):
            return
        member = self.members[index]
        from tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(member.doc_id, paragraph_id=member.paragraph_id))

    def action_cursor_down(self) -> None:
        if isinstance(self.focused, OptionList):
            self.focused.action_cursor_down()

    def action_cursor_up(self) -> None:
        if isinstance(self.focused, OptionList):
            self.focused.action_cursor_up()

    def action_back(self) -> None:
        if self.query_one("#repeat-members", OptionList).has_focus:
            self.query_one("#repeat-groups", OptionList).focus()
        else:
            self.dismiss()


def _group_line(group: RepeatGroup) -> Content:
    text = group.members[0].text if group.members else ""
    snippet = text if len(text) <= 140 else text[:139] + "…"
    return Content.assemble((f"≡{group.size} ", "bold $text-secondary"), snippet)


def _member_line(member, representative) -> Content:
    where = f"¶{member.n}" if member.n is not None else member.kind
    head = Content.assemble(
        (member.title or f"document {member.doc_id}", "bold"),
        (f"  {where} · {member.published or 'no date'} · {member.score:.0f}%", "$text-muted"),
    )
    if member.paragraph_id == representative.paragraph_id:
        return Content("\n").join([Content.assemble(head, ("  (first printed)", "italic $text-muted")), Content(member.text)])
    parts = []
    for op, text in word_diff(representative.text, member.text):
        if op == "equal":
            parts.append(Content(text))
        else:
            start, end = DIFF_MARKS[op]
            parts.append(Content.styled(f"{start}{text}{end}", DIFF_STYLES[op]))
    lines = [head, Content("").join(parts)]
    changes = changed_numbers(representative.text, member.text)
    if changes:
        lines.append(Content.styled("changed figures: " + ", ".join(f"{a} → {b}" for a, b in changes), "bold $text-warning"))
    return Content("\n").join(lines)
