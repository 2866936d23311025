"""Figures across the whole collection, for lining up the same measure from every article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.queries import LIKE, like_literal
from store.reading import FIGURE_COLUMNS, FigureMark

if TYPE_CHECKING:
    import sqlite_utils

# What a value counts in: plain numbers (counts, ordinals…) together, then each currency, each unit of quantity
# and percentages apart, so that sorting by value compares €5 million with euros, never with dollars or pounds.
MEASURE = (
    "case when f.kind in ('money', 'percent', 'quantity') then f.kind || ' ' || coalesce(f.unit, '') "
    "when f.kind = 'duration' then 'duration' else '' end"
)
# Durations compare by their length in days (25 years before 30 days), whatever unit they were written in.
_DAYS_PER_UNIT = (("PT%H", "1 / 24.0"), ("PT%M", "1 / 1440.0"), ("PT%S", "1 / 86400.0"), ("P%Y", "365.25"),
                  ("P%M", "30.44"), ("P%W", "7"), ("P%D", "1"))
_AMOUNT = "coalesce(f.value, f.high, f.low)"
SORT_AMOUNT = (
    "case when f.kind = 'duration' then case "
    + " ".join(f"when f.unit like '{pattern}' then {_AMOUNT} * {days}" for pattern, days in _DAYS_PER_UNIT)
    + f" else {_AMOUNT} end else {_AMOUNT} end"
)
FIGURE_SORTS = {
    "date": "coalesce(d.published, '') desc, d.id, p.position, f.start",
    "value": f"{_AMOUNT} is null, {MEASURE}, {SORT_AMOUNT} desc, d.id",
    "document": "d.id, p.position, f.start",
    "kind": "f.kind, coalesce(f.value, f.high, f.low) desc",
}


@dataclass(frozen=True, slots=True)
class FigureRow:
    doc: int
    title: str
    published: str | None
    paragraph: int | None
    paragraph_id: int
    position: int
    text: str
    """The paragraph's."""
    figure: FigureMark

    def to_json(self) -> dict:
        return {"doc": self.doc, "paragraph": self.paragraph} | self.figure.to_json()


def figures(
    db: sqlite_utils.Database, *, doc: int | None = None, kind: str | None = None, counted: str | None = None,
    sort: str = "document", limit: int | None = 500, offset: int = 0,
) -> list[FigureRow]:
    clauses, args = [], []
    if doc is not None:
        clauses.append("f.doc_id = ?")
        args.append(doc)
    if kind:
        clauses.append("f.kind = ?")
        args.append(kind)
    if counted:
        # SQLite's LIKE folds the case of A-Z only; the casefold function costs a Python call a row, so only
        # words beyond ASCII (Émigrés, ДЕТЕЙ) take it.
        column = "f.counted" if counted.isascii() else "casefold(f.counted)"
        clauses.append(f"{column} {LIKE}")
        args.append(f"%{like_literal(counted if counted.isascii() else counted.casefold())}%")
    where = (" where " + " and ".join(clauses)) if clauses else ""
    sql = (
        "select f.doc_id, coalesce(d.title, d.stem), d.published, p.n, p.id, p.position, p.text, "
        + ", ".join(f"f.{c}" for c in FIGURE_COLUMNS.split(", "))
        + " from figures f join paragraphs p on p.id = f.paragraph_id join documents d on d.id = f.doc_id"
        f"{where} order by {FIGURE_SORTS.get(sort, FIGURE_SORTS['document'])} limit ? offset ?"
    )
    return [FigureRow(*row[:7], FigureMark(*row[7:])) for row in db.execute(sql, [*args, -1 if limit is None else limit, offset])]


def figure_kinds(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    return db.execute("select kind, count(*) from figures group by kind order by count(*) desc").fetchall()
