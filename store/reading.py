"""One article as the reader shows it: paragraphs with their figures, tags, notes and repeat marks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from store.annotations.compare import changed_since_noted
from store.copy_diff import CopyChanges, copy_changes
from store.queries import MARK_CLOSE, MARK_OPEN, DocumentRow, document, first_parsed, paragraphs_of, unmark

if TYPE_CHECKING:
    import sqlite_utils


FIGURE_COLUMNS = "start, [end], text, kind, value, low, high, unit, counted, approx, resolved, resolved_end, granularity"


@dataclass(frozen=True, slots=True)
class FigureMark:
    """A stored figure, as the reader marks and describes it."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counted: str | None
    approx: str | None
    resolved: str | None
    resolved_end: str | None
    granularity: str | None = None

    def to_json(self) -> dict:
        """The figure as every JSON output gives it: `figures --json` and the JSON Lines export alike."""
        return asdict(self)

    def describe(self) -> str:
        return self._described(_number, with_counted=True)

    def short_value(self) -> str:
        """The value and its unit, millions and more in words (`≈6.7 trillion USD`), for a narrow column."""
        return self._described(_short_number, with_counted=False)

    def _described(self, number: Callable[[float | None], tuple[str, str]], *, with_counted: bool) -> str:
        if self.low is not None or self.high is not None:
            (low, low_word), (high, high_word) = number(self.low), number(self.high)
            amount = _worded(f"{low}–{high}", high_word) if low_word == high_word else f"{_worded(low, low_word)}–{_worded(high, high_word)}"
        elif self.value is not None:
            amount = _worded(*number(self.value))
        else:
            amount = ""
        if self.resolved:
            amount = self.resolved + (f" → {self.resolved_end}" if self.resolved_end else "")
        # A span resolved to its dates says them; its length (`25 years`) would read as a unit of the dates.
        unit = "" if self.resolved and _ISO_SPAN.fullmatch(self.unit or "") else _unit_said(self.unit, self._count_of_unit(), recurring=self.kind == "set")
        parts = [amount, unit, (self.counted or "") if with_counted else ""]
        approx = {"approx": "≈", "more_than": ">", "at_least": "≥", "at_most": "≤", "less_than": "<"}.get(self.approx or "", "")
        return (approx + " ".join(p for p in parts if p)).strip()

    def _count_of_unit(self) -> float | None:
        """How many of its unit the figure says: a range's upper end (`3 to 4 weeks` → weeks)."""
        return self.high if self.value is None else self.value


_ISO_SPAN = re.compile(r"P(T?)[\d.]+([YMWDHS])")
_SPAN_WORDS = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day", ("T", "H"): "hour",
               ("T", "M"): "minute", ("T", "S"): "second"}


def _unit_said(unit: str | None, count: float | None, *, recurring: bool) -> str:
    """A span's ISO 8601 unit in words (`P18M` → months, `PT1H` → hour, `P1M` for a set → every month); others as
    they are. Only a set recurs: a range of durations (`3 to 4 weeks`, unit `P1W`) is a length too."""
    span = _ISO_SPAN.fullmatch(unit or "")
    word = _SPAN_WORDS.get((span.group(1), span.group(2))) if span else None
    if word is None:
        return unit or ""
    if recurring:
        return f"every {word}"
    return word if count == 1 else word + "s"


def _number(value: float | None) -> tuple[str, str]:
    """The number in digits, with no word for its size."""
    if value is None:
        return "?", ""
    return (f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"), ""


def _worded(digits: str, word: str) -> str:
    return f"{digits} {word}" if word else digits


LARGE_NUMBER_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _short_number(value: float | None) -> tuple[str, str]:
    """A million and more as a few digits and the word for its size: 6,700,000,000,000 → 6.7, trillion."""
    # Rounded before the size word is chosen: 999,999,999 is "1 billion", not "1,000 million".
    rounded = None if value is None else _rounded_to_words(value)
    for size, word in LARGE_NUMBER_WORDS:
        if rounded is not None and abs(rounded) >= size:
            return f"{rounded / size:,.2f}".rstrip("0").rstrip("."), word
    return _number(value)


def _rounded_to_words(value: float) -> float:
    """`value` as its short form will show it: two decimals of the size word it falls under."""
    for size, _word in LARGE_NUMBER_WORDS:
        if abs(value) >= size:
            return round(value / size, 2) * size
    return value


@dataclass(frozen=True, slots=True)
class RepeatMark:
    group_id: int
    size: int
    score: float
    representative_id: int
    representative_doc: int
    representative_n: int | None
    is_representative: bool
    representative_title: str | None = None
    representative_source: str | None = None
    changed_figures: tuple[tuple[str, str], ...] = ()
    """Numbers this copy prints otherwise than its representative: (theirs, ours), in reading order."""
    added: str = ""
    """Words this copy adds to its representative's text (a sentence more), joined; empty when it adds none."""
    dropped_words: int = 0
    """Words of its representative's text this copy leaves out (a sentence less)."""


@dataclass(slots=True)
class ParagraphView:
    """One paragraph as the article screen shows it; `text_when_noted` is set only when an annotation on it
    was made on different text."""

    id: int
    n: int | None
    position: int
    kind: str
    text: str
    figures: list[FigureMark] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    figure_tags: list[tuple[int, int, list[str]]] = field(default_factory=list)
    repeat: RepeatMark | None = None
    text_when_noted: str | None = None

    @property
    def hidden(self) -> bool:
        return self.n is None


@dataclass(slots=True)
class ArticleData:
    doc: DocumentRow
    paragraphs: list[ParagraphView]
    orphans: int = 0
    """Tags and notes of the article whose paragraph a reload took out (listed with the orphans, never dropped)."""


_PLACES = ("select count(distinct p2.doc_id || ' ' || coalesce(p2.n, p2.kind)) from repeat_members m2 "
           "join paragraphs p2 on p2.id = m2.paragraph_id where m2.group_id = g.id")
"""The places a group is printed in (`store.repeats.queries.Member.place`): the size the reader shows."""


def article_data(db: sqlite_utils.Database, doc_id: int) -> ArticleData:
    """Bounded by the article's size, not the collection's: every lookup is by an indexed doc or paragraph id."""
    doc = document(db, doc_id)
    views = [ParagraphView(p.id, p.n, p.position, p.kind, p.text) for p in paragraphs_of(db, doc_id, include_hidden=True)]
    by_id = {v.id: v for v in views}
    for row in db.execute(
        f"select paragraph_id, {FIGURE_COLUMNS} from figures where doc_id = ? order by paragraph_id, start",
        [doc_id],
    ):
        if row[0] in by_id:
            by_id[row[0]].figures.append(FigureMark(*row[1:]))
    tags: dict[int, list[str]] = defaultdict(list)
    for annotation_id, tag in db.execute(
        "select t.annotation_id, t.tag from annotation_tags t join annotations a on a.id = t.annotation_id "
        "where a.doc_id = ? order by t.rowid",
        [doc_id],
    ):
        tags[annotation_id].append(tag)
    for annotation_id, paragraph_id, start, end, note, original in db.execute(
        "select id, paragraph_id, figure_start, figure_end, note, original_text from annotations "
        "where doc_id = ? and paragraph_id is not null order by id",
        [doc_id],
    ):
        view = by_id.get(paragraph_id)
        if view is None:
            continue
        if view.text_when_noted is None and changed_since_noted(original, view.text):
            view.text_when_noted = original
        if start is not None:
            view.figure_tags.append((start, end, tags.get(annotation_id, [])))
        else:
            view.tags.extend(t for t in tags.get(annotation_id, []) if t not in view.tags)
            view.note = note or view.note
    for row in db.execute(
        f"select m.paragraph_id, g.id, ({_PLACES}), m.score, g.representative_id, rp.doc_id, rp.n, "
        "coalesce(rd.title, rd.stem), rd.source, case when rp.id = p.id then null else rp.text end "
        "from paragraphs p join repeat_members m on m.paragraph_id = p.id "
        "join repeat_groups g on g.id = m.group_id join paragraphs rp on rp.id = g.representative_id "
        "join documents rd on rd.id = rp.doc_id where p.doc_id = ? and g.size > 1",
        [doc_id],
    ):
        if row[2] < 2:
            continue
        view = by_id[row[0]]
        changes = copy_changes(row[9], view.text) if row[9] is not None and row[9] != view.text else CopyChanges()
        view.repeat = RepeatMark(row[1], row[2], row[3], row[4], row[5], row[6], row[4] == row[0], row[7], row[8],
                                 changes.figures, changes.added, changes.dropped_words)
    orphans = db.execute("select count(*) from annotations where doc_id = ? and paragraph_id is null", [doc_id]).fetchone()[0]
    return ArticleData(doc, views, orphans)


def copies_of(db: sqlite_utils.Database, group_id: int) -> list[tuple[int, int, int | None, int]]:
    """(paragraph id, doc id, n, position) of the copy in each place a repeat group is printed (a page printing its
    headline twice prints it in one place, as the Repeats screen counts), in reading order of the collection."""
    rows = db.execute(
        "select p.id, p.doc_id, p.n, p.position, p.kind from repeat_members m join paragraphs p on p.id = m.paragraph_id "
        "join documents d on d.id = p.doc_id where m.group_id = ? "
        "order by coalesce(d.published, '9999'), d.id, p.position limit 1000",
        [group_id],
    ).fetchall()
    first: dict[tuple[int, int | str], tuple[int, int, int | None, int]] = {}
    for paragraph_id, doc_id, n, position, kind in rows:
        first.setdefault((doc_id, n if n is not None else kind), (paragraph_id, doc_id, n, position))
    return list(first.values())


def hits_in_document(db: sqlite_utils.Database, doc_id: int, query: str) -> dict[int, list[tuple[int, int]]]:
    """Paragraph id → spans of the words a search matched, inside one article."""
    if not query.strip():
        return {}
    sql = (
        f"select p.id, highlight(paragraphs_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}') from paragraphs_fts "
        "join paragraphs p on p.id = paragraphs_fts.rowid where paragraphs_fts match ? and p.doc_id = ?"
    )
    rows = first_parsed(query, lambda match: db.execute(sql, [match, doc_id]).fetchall()) or []
    return {pid: list(unmark(marked)[1]) for pid, marked in rows}


EDITED_LIKENESS = 60.0
"""How like its old text (rapidfuzz ratio) an edited paragraph must read to be taken for it."""


def position_after_reload(paragraphs: list[ParagraphView], was: ParagraphView) -> int:
    """Where the paragraph under the cursor is after a reload: the file may have been loaded again meanwhile,
    with paragraphs added above it or this one edited. Found by its text (the copy nearest where it was), else
    by the likeliest edit of it, else by its number, else the last paragraph: never the top of the article."""
    if any(view.id == was.id and view.text == was.text for view in paragraphs):
        return was.position
    same = [view.position for view in paragraphs if view.text == was.text]
    if same:
        return min(same, key=lambda position: abs(position - was.position))
    shown = [view for view in paragraphs if not view.hidden]
    if not shown:
        return was.position
    likeness = [fuzz.ratio(was.text, view.text, score_cutoff=EDITED_LIKENESS) for view in shown]
    best = max(range(len(shown)), key=lambda i: (likeness[i], -abs(shown[i].position - was.position)))
    if likeness[best]:
        return shown[best].position
    numbered = next((view for view in shown if view.n == was.n), None)
    return (numbered or shown[-1]).position
