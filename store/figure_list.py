"""Figures across the whole collection, for lining up the same measure from every article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.db import RESOLVES_TO_A_DATE
from store.figure_sorts import FORMER_SORT_NAMES
from store.queries import LIKE, like_literal
from store.reading import FIGURE_COLUMNS, FigureMark

if TYPE_CHECKING:
    import sqlite_utils

# A range is measured as its ends are: its granularity holds their kind (money, percent, quantity, duration).
_MEASURED_KIND = "case when f.kind = 'range' then f.granularity else f.kind end"
# What a value counts in: plain numbers (counts and the ranges of them) together, then each currency, each unit of
# quantity and percentages apart, so that sorting by value compares €5 million with euros, never with dollars or
# pounds. An ordinal (third, 14th) is a place in an order, not an amount: ordinals are a group of their own.
MEASURE = (
    f"case when {_MEASURED_KIND} in ('money', 'percent', 'quantity') then {_MEASURED_KIND} || ' ' || coalesce(f.unit, '') "
    f"when {_MEASURED_KIND} = 'duration' then 'duration' when f.kind = 'ordinal' then 'ordinal' else '' end"
)
# Durations compare by their length in days (25 years before 30 days), whatever unit they were written in; a
# range of durations has one step of its unit ("P1D") for its unit.
_DAYS_PER_UNIT = (("PT%H", "1 / 24.0"), ("PT%M", "1 / 1440.0"), ("PT%S", "1 / 86400.0"), ("P%Y", "365.25"),
                  ("P%M", "30.44"), ("P%W", "7"), ("P%D", "1"))


def _comparable(amount: str) -> str:
    """`amount` as it compares with the others of its measure: durations in days."""
    in_days = " ".join(f"when f.unit like '{pattern}' then {amount} * {days}" for pattern, days in _DAYS_PER_UNIT)
    return f"case when {_MEASURED_KIND} = 'duration' then case {in_days} else {amount} end else {amount} end"


# A range sorts by its low end, then its high one, among the single values of its measure.
_AMOUNT = "coalesce(f.value, f.low, f.high)"
SORT_AMOUNT = _comparable(_AMOUNT)
SORT_HIGH = _comparable("coalesce(f.high, f.value, f.low)")

FIGURE_SORTS = {
    "published": "coalesce(d.published, '') desc, d.id, p.position, f.start",
    "value": f"{_AMOUNT} is null, f.kind = 'ordinal', {MEASURE}, {SORT_AMOUNT} desc, {SORT_HIGH} desc, d.id",
    "document": "d.id, p.position, f.start",
    "kind": "f.kind, coalesce(f.value, f.high, f.low) desc",
}
# In time order, the figures that resolve to a date come first, read in the order of the index on their dates
# (its rowid, the figure's id, breaks ties); the others follow in their documents' order, through the doc_id index.
_DATED = f"f.{RESOLVES_TO_A_DATE}"
_UNDATED = f"not coalesce(f.{RESOLVES_TO_A_DATE}, 0)"
_TIME_ORDER = "f.resolved, f.resolved_end, f.id"
_UNDATED_ORDER = "f.doc_id, f.id"


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
    source: str | None = None
    """The outlet, which tells apart copies of one story whose titles read alike."""

    def to_json(self) -> dict:
        return {"doc": self.doc, "paragraph": self.paragraph} | self.figure.to_json()


def figures(
    db: sqlite_utils.Database, *, doc: int | None = None, kind: str | None = None, counted: str | None = None,
    sort: str = "document", limit: int | None = 500, offset: int = 0,
) -> list[FigureRow]:
    """One page of figures in the order `sort` names (one of SORT_NAMES; document order for any other)."""
    clauses, args = _filters(doc, kind, counted)
    sort = FORMER_SORT_NAMES.get(sort, sort)
    if sort == "when":
        if kind == "date":
            # Nearly every dated figure is a date: walking the time index beats sorting every date for each page.
            clauses = ["+f.kind = ?" if clause == "f.kind = ?" else clause for clause in clauses]
        return _in_time_order(db, clauses, args, limit, offset)
    return _page(db, clauses, args, FIGURE_SORTS.get(sort, FIGURE_SORTS["document"]), limit, offset)


def _filters(doc: int | None, kind: str | None, counted: str | None) -> tuple[list[str], list]:
    clauses: list[str] = []
    args: list = []
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
    return clauses, args


def _in_time_order(
    db: sqlite_utils.Database, clauses: list[str], args: list, limit: int | None, offset: int,
) -> list[FigureRow]:
    """Figures by the date they resolve to, earliest first, then those that resolve to none."""
    dated = _page(db, [*clauses, _DATED], args, _TIME_ORDER, limit, offset)
    if limit is not None and len(dated) == limit:
        return dated
    past_the_dated = offset - _count(db, [*clauses, _DATED], args) if not dated and offset else 0
    rest = None if limit is None else limit - len(dated)
    return dated + _page(db, [*clauses, _UNDATED], args, _UNDATED_ORDER, rest, max(past_the_dated, 0))


def _page(
    db: sqlite_utils.Database, clauses: list[str], args: list, order: str, limit: int | None, offset: int,
) -> list[FigureRow]:
    where = (" where " + " and ".join(clauses)) if clauses else ""
    sql = (
        "select f.doc_id, coalesce(d.title, d.stem), d.published, p.n, p.id, p.position, p.text, d.source, "
        + ", ".join(f"f.{c}" for c in FIGURE_COLUMNS.split(", "))
        + " from figures f join paragraphs p on p.id = f.paragraph_id join documents d on d.id = f.doc_id"
        f"{where} order by {order} limit ? offset ?"
    )
    return [FigureRow(*row[:7], FigureMark(*row[8:]), source=row[7])
            for row in db.execute(sql, [*args, -1 if limit is None else limit, offset])]


def _count(db: sqlite_utils.Database, clauses: list[str], args: list) -> int:
    """How many figures the clauses keep: every figure belongs to a paragraph and its document, so no join."""
    return db.execute(f"select count(*) from figures f where {' and '.join(clauses)}", args).fetchone()[0]


def figure_kinds(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    return db.execute("select kind, count(*) from figures group by kind order by count(*) desc").fetchall()
