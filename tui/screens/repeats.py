"""Repeats: groups of near-duplicate paragraphs, in most places first; a group's copies, one a place, with what changed marked."""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.repeats import RepeatGroup, changed_numbers, groups_by_place, members, one_per_place, word_diff
from store.text import clipped
from tui.screens.two_pane import TwoPaneScreen

PAGE = 200
DIFF_STYLES = {"delete": "strike $text-error", "insert": "bold underline $text-success"}
DIFF_MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


class RepeatsScreen(TwoPaneScreen):

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

    def on_mount(self) -> None:
        self.sub_title = "Repeats"
        self.refresh_data()

    def refresh_data(self) -> None:
        self._fetch(0)

    @work(thread=True, exclusive=True, group="repeat-groups")
    def _fetch(self, offset: int) -> None:
        self.post_message(self.Groups(self.app.store(groups_by_place, min_places=2, limit=PAGE, offset=offset), offset))

    def on_repeats_screen_groups(self, message: Groups) -> None:
        if message.offset == 0:
            self.groups = []
        self.groups.extend(message.found)
        self._more = len(message.found) == PAGE
        listing = self.left
        options = [Option(_group_line(g)) for g in message.found]
        if message.offset == 0:
            listing.set_options(options or [Option("No repeated paragraphs in the collection", disabled=True)])
            if self.groups:
                listing.highlighted = 0
        else:
            listing.add_options(options)

    @on(OptionList.OptionHighlighted, "#left")
    def _group_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        if index < len(self.groups):
            self._fetch_members(self.groups[index].id)
        if self._more and index >= len(self.groups) - 20:
            self._more = False
            self._fetch(len(self.groups))

    @work(thread=True, exclusive=True, group="repeat-members")
    def _fetch_members(self, group_id: int) -> None:
        # A page that prints its headline two or three times prints it in one place: the reader goes there once.
        self.post_message(self.Members(group_id, one_per_place(self.app.store(members, group_id))))

    def on_repeats_screen_members(self, message: Members) -> None:
        self.members = message.found
        if not self.members:
            return
        first = self.members[0]
        options = [Option(_member_line(m, first)) for m in self.members]
        self.right.set_options(options)

    def open_right(self, index: int) -> None:
        if index >= len(self.members):
            return
        member = self.members[index]
        if not self.app.open_listed(member.doc_id, member.paragraph_id, member.text, member.n):
            self.refresh_data()


def _group_line(group: RepeatGroup) -> Content:
    text = group.members[0].text if group.members else ""
    return Content.assemble((f"≡{len(group.places)} ", "bold $text-secondary"), clipped(text, 140))


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
