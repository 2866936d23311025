"""Reading repeat groups back: largest first, a paragraph's group, a group's members."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils



@dataclass(frozen=True)
class Member:
    paragraph_id: int
    doc_id: int
    n: int | None
    kind: str
    text: str
    score: float
    """Similarity to the group's representative (100 for the representative and its exact copies)."""
    title: str | None
    published: str | None

    @property
    def place(self) -> tuple[int, int | str]:
        """Where a reader finds the copy: its document and paragraph number. A title has no number, and a page
        that prints its headline two or three times (a heading, a link, the page title) prints it in one place."""
        return (self.doc_id, self.n if self.n is not None else self.kind)


@dataclass
class RepeatGroup:
    id: int
    size: int
    representative: int
    """Paragraph id of the first printed copy: earliest published document, then the longest text."""
    members: list[Member] = field(default_factory=list)
    """Representative first, then by date, document and place."""

    @property
    def places(self) -> list[Member]:
        """The first member in each place, in the members' order (the representative first)."""
        return one_per_place(self.members)


def one_per_place(found: list[Member]) -> list[Member]:
    """The first of these members in each place, in their order."""
    first: dict[tuple[int, int | str], Member] = {}
    for member in found:
        first.setdefault(member.place, member)
    return list(first.values())


_MEMBERS = (
    "select m.group_id, p.id, p.doc_id, p.n, p.kind, p.text, m.score, d.title, d.published "
    "from repeat_members m join paragraphs p on p.id = m.paragraph_id join documents d on d.id = p.doc_id "
    "join repeat_groups g on g.id = m.group_id where m.group_id in ({}) "
    "order by m.group_id, p.id != g.representative_id, coalesce(d.published, '9999'), p.doc_id, p.position"
)


def _with_members(db: sqlite_utils.Database, rows: list[tuple[int, int, int]]) -> list[RepeatGroup]:
    found = {gid: RepeatGroup(gid, size, rep) for gid, size, rep in rows}
    ids = list(found)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for gid, *rest in db.execute(_MEMBERS.format(",".join("?" * len(part))), part):
            found[gid].members.append(Member(*rest))
    return [found[gid] for gid, _, _ in rows]


def groups(
    db: sqlite_utils.Database, min_size: int = 2, limit: int | None = None, offset: int = 0,
) -> list[RepeatGroup]:
    """Groups of at least `min_size` paragraphs, largest first, each with its members."""
    sql = "select id, size, representative_id from repeat_groups where size >= ? order by size desc, id"
    params: list[int] = [min_size]
    if limit is not None or offset:
        sql += " limit ? offset ?"
        params += [-1 if limit is None else limit, offset]
    return _with_members(db, db.execute(sql, params).fetchall())


_PLACE = "p.doc_id || ' ' || coalesce(p.n, p.kind)"
"""`Member.place` in SQL."""


def groups_by_place(
    db: sqlite_utils.Database, min_places: int = 2, limit: int | None = None, offset: int = 0,
) -> list[RepeatGroup]:
    """Groups printed in at least `min_places` places, those in most places first: what a list of repeats
    shows a reader, who cannot tell a page's three copies of its own headline apart, nor needs to."""
    sql = (
        f"select g.id, g.size, g.representative_id, count(distinct {_PLACE}) as places from repeat_groups g "
        "join repeat_members m on m.group_id = g.id join paragraphs p on p.id = m.paragraph_id "
        "where g.size >= ? group by g.id having places >= ? order by places desc, g.id"
    )
    params: list[int] = [min_places, min_places]
    if limit is not None or offset:
        sql += " limit ? offset ?"
        params += [-1 if limit is None else limit, offset]
    return _with_members(db, [row[:3] for row in db.execute(sql, params)])


def group_of(db: sqlite_utils.Database, paragraph_id: int) -> RepeatGroup | None:
    """The group of two or more that holds this paragraph, or None when nothing repeats it."""
    row = db.execute(
        "select g.id, g.size, g.representative_id from repeat_members m join repeat_groups g on g.id = m.group_id "
        "where m.paragraph_id = ? and g.size >= 2",
        [paragraph_id],
    ).fetchone()
    return _with_members(db, [row])[0] if row else None


def members(db: sqlite_utils.Database, group_id: int) -> list[Member]:
    """The group's paragraphs, representative first."""
    row = db.execute("select id, size, representative_id from repeat_groups where id = ?", [group_id]).fetchone()
    return _with_members(db, [row])[0].members if row else []
