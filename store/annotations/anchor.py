"""Keep annotations on their paragraphs when an article is loaded again.

An annotation remembers the text it was
made on and the hashes of the paragraphs around it. After a reload the annotations of one old paragraph move
together: to the paragraph with the same text (if the text repeats, the copy still between its old neighbours,
else the nearest; each copy claimed once), else to the unclaimed paragraph of the same article most like it (a
fixed typo, a changed word, a sentence added or cut; one still between its old neighbours first; a weaker
likeness is accepted when a neighbour still matches), else to a paragraph that holds its whole text (two
paragraphs merged), else to exactly the same text in another article of the same file (related articles that
changed places), else they stay as orphans, listed and never dropped, and tried again on every later load. A
figure follows its text inside the paragraph; a figure whose text is gone moves to the figure of the same kind
the edit put in its place ("$2.5 million" edited to "$3 million"), keeping the text it was noted on, else
becomes an orphan on its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Levenshtein

from store.annotations.schema import ensure_annotation_tables
from store.kinds import READING_KINDS

if TYPE_CHECKING:
    import sqlite_utils

REATTACH_MIN_SCORE = 80.0
REATTACH_WITH_NEIGHBOUR_SCORE = 60.0
CONTAINED_SCORE = 95.0
CONTAINED_MIN_CHARS = 60
CONTAINED_MIN_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Anchor:
    text: str
    hash: str
    n: int | None
    prev: str | None
    next: str | None


@dataclass(frozen=True, slots=True)
class _Paragraph:
    id: int
    n: int | None
    text: str
    hash: str
    prev: str | None
    next: str | None

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.text, self.hash, self.n, self.prev, self.next)


@dataclass(frozen=True, slots=True)
class _Loose:
    id: int
    figure_start: int | None
    figure_end: int | None
    figure_text: str | None


def anchor_of(db: sqlite_utils.Database, paragraph_id: int) -> tuple[int, Anchor] | None:
    """The document and the anchor of a paragraph that can carry annotations."""
    row = db.execute(
        f"select doc_id, position from paragraphs where id = ? and kind in ({_kinds()})", [paragraph_id, *READING_KINDS]
    ).fetchone()
    if row is None:
        return None
    doc_id, position = row
    for paragraph in _reading_paragraphs(db, doc_id, around=position):
        if paragraph.id == paragraph_id:
            return doc_id, paragraph.anchor
    return None


def detach(db: sqlite_utils.Database, paragraph_ids: list[int]) -> None:
    """Before paragraphs are deleted: their ids may be reused by the new rows, so let go of them."""
    for chunk in _chunks(paragraph_ids, 500):
        db.execute(
            f"update annotations set paragraph_id = null where paragraph_id in ({','.join('?' * len(chunk))})", chunk
        )


def reanchor_document(db: sqlite_utils.Database, doc_id: int) -> None:
    """Place the document's loose annotations on its paragraphs. Between articles of the same file
    (related articles that changed places) an annotation moves only to exactly the same text."""
    source = db.execute("select source_id from documents where id = ?", [doc_id]).fetchone()
    siblings = [
        row[0] for row in db.execute("select id from documents where source_id = ? and id != ?", [source[0], doc_id])
    ] if source else []
    family = [doc_id, *siblings]
    if not db.execute(
        f"select 1 from annotations where paragraph_id is null and doc_id in ({','.join('?' * len(family))}) limit 1",
        family,
    ).fetchone():
        return
    ensure_annotation_tables(db)
    own = _loose_groups(db, [doc_id])
    paragraphs = _reading_paragraphs(db, doc_id)
    placed = match_anchors(list(own), paragraphs)
    strays = _loose_groups(db, siblings)
    claimed = {p.id for p in placed.values()}
    adopted = match_anchors(list(strays), [p for p in paragraphs if p.id not in claimed], exact_only=True)
    elsewhere: dict[Anchor, tuple[int, _Paragraph]] = {}
    unplaced = [a for a in own if a not in placed]
    for sibling in siblings if unplaced else []:
        found = match_anchors(unplaced, _reading_paragraphs(db, sibling), exact_only=True)
        elsewhere |= {anchor: (sibling, paragraph) for anchor, paragraph in found.items()}
        unplaced = [a for a in unplaced if a not in found]
        if not unplaced:
            break
    for anchor, anchored in own.items():
        target_doc, target = elsewhere.get(anchor, (doc_id, placed.get(anchor)))
        for annotation in _found_first(anchor, target, anchored):
            _place(db, annotation, anchor, target_doc, target)
    for anchor, paragraph in adopted.items():
        for annotation in _found_first(anchor, paragraph, strays[anchor]):
            _place(db, annotation, anchor, doc_id, paragraph)


def _found_first(anchor: Anchor, target: _Paragraph | None, anchored: list[_Loose]) -> list[_Loose]:
    """The annotations whose figure is still in the text before those that look for one in its place, which
    leaves those the figures kept (`_figure_in_its_place` takes none already taken)."""
    if target is None:
        return anchored
    return sorted(anchored, key=lambda a: bool(a.figure_text) and _as_loaded(anchor, a) not in target.text)


def _loose_groups(db: sqlite_utils.Database, doc_ids: list[int]) -> dict[Anchor, list[_Loose]]:
    """Annotations without a paragraph, grouped by the paragraph they were on."""
    groups: dict[Anchor, list[_Loose]] = defaultdict(list)
    for chunk in _chunks(doc_ids, 500):
        for row in db.execute(
            "select id, anchor_text, anchor_hash, anchor_n, anchor_prev, anchor_next, figure_start, figure_end, "
            f"figure_text from annotations where doc_id in ({','.join('?' * len(chunk))}) and paragraph_id is null "
            "order by id",
            chunk,
        ):
            groups[Anchor(row[1] or "", row[2] or "", row[3], row[4], row[5])].append(_Loose(row[0], *row[6:]))
    return groups


def match_anchors(
    anchors: list[Anchor], paragraphs: list[_Paragraph], *, exact_only: bool = False
) -> dict[Anchor, _Paragraph]:
    """Old paragraphs → new ones: same text first (one copy each, then shared), then likeness."""
    placed: dict[Anchor, _Paragraph] = {}
    claimed: set[int] = set()
    by_hash: dict[str, list[_Paragraph]] = defaultdict(list)
    for paragraph in paragraphs:
        by_hash[paragraph.hash].append(paragraph)
    ordered = sorted(anchors, key=lambda a: (a.n is None, a.n or 0))
    # A copy still between the old neighbours first: new paragraphs above a repeated line (a live blog adds
    # its updates at the top) bring another copy nearer the old number than the one the annotation was on.
    copies = sorted(
        ((-_neighbours_kept(anchor, p), abs((p.n or 0) - (anchor.n or 0)), rank, p.n or 0, anchor, p)
         for rank, anchor in enumerate(ordered) for p in by_hash.get(anchor.hash, ())),
        key=lambda c: c[:4],
    )
    for *_, anchor, paragraph in copies:
        if anchor not in placed and paragraph.id not in claimed:
            placed[anchor] = paragraph
            claimed.add(paragraph.id)
    for *_, anchor, paragraph in copies:
        placed.setdefault(anchor, paragraph)
    if exact_only:
        return placed
    candidates: list[tuple[int, float, int, Anchor, _Paragraph]] = []
    free = [p for p in paragraphs if p.id not in claimed]
    for anchor in ordered:
        if anchor in placed or not anchor.text:
            continue
        for paragraph in free:
            score = _likeness(anchor, paragraph)
            if score:
                near = -abs((paragraph.n or 0) - (anchor.n or 0))
                candidates.append((_neighbours_kept(anchor, paragraph), score, near, anchor, paragraph))
    # The edited paragraph still sits between its old neighbours; a look-alike elsewhere (a live blog repeats
    # its stock lines with another number) may be closer in wording, but not in place.
    for *_, anchor, paragraph in sorted(candidates, key=lambda c: c[:3], reverse=True):
        if anchor not in placed and paragraph.id not in claimed:
            placed[anchor] = paragraph
            claimed.add(paragraph.id)
    for anchor in ordered:
        if anchor not in placed and anchor.text:
            merged = [(share, -abs((p.n or 0) - (anchor.n or 0)), p) for p in paragraphs if (share := _contained(anchor, p))]
            if merged:
                placed[anchor] = max(merged, key=lambda m: (m[0], m[1]))[2]
    return placed


def _likeness(anchor: Anchor, paragraph: _Paragraph) -> float:
    """How surely `paragraph` is the edited `anchor` text; 0 when it is not. A sentence added or cut
    leaves one text inside the other: that ranks just under a close match."""
    score = fuzz.ratio(anchor.text, paragraph.text, processor=utils.default_process)
    if score >= REATTACH_MIN_SCORE or (score >= REATTACH_WITH_NEIGHBOUR_SCORE and _neighbour_matches(anchor, paragraph)):
        return score
    share = _contained(anchor, paragraph, score)
    return REATTACH_MIN_SCORE - 1 + share if share else 0.0


def _contained(anchor: Anchor, paragraph: _Paragraph, ratio: float | None = None) -> float:
    """The shorter text's share of the longer when one holds the other (nearly verbatim), else 0.

    Two paragraphs merged into one both find their text in it, so this match may be shared."""
    shorter, longer = sorted((len(anchor.text), len(paragraph.text)))
    if shorter < CONTAINED_MIN_CHARS or shorter < CONTAINED_MIN_SHARE * longer:
        return 0.0
    share = shorter / longer
    if ratio is None:
        ratio = fuzz.ratio(anchor.text, paragraph.text, processor=utils.default_process)
    if ratio < 0.9 * 200 * share / (1 + share):
        return 0.0
    found = fuzz.partial_ratio(anchor.text, paragraph.text, processor=utils.default_process, score_cutoff=CONTAINED_SCORE)
    return share if found else 0.0


def _neighbour_matches(anchor: Anchor, paragraph: _Paragraph) -> bool:
    return _neighbours_kept(anchor, paragraph) > 0


def _neighbours_kept(anchor: Anchor, paragraph: _Paragraph) -> int:
    """How many of the paragraphs either side of the anchor are still either side of this one (0-2)."""
    return int(bool(anchor.prev and anchor.prev == paragraph.prev)) + int(bool(anchor.next and anchor.next == paragraph.next))


def _place(db: sqlite_utils.Database, annotation: _Loose, anchor: Anchor, doc_id: int, target: _Paragraph | None) -> None:
    start, end = annotation.figure_start, annotation.figure_end
    if target is not None and annotation.figure_text:
        span = relocate(anchor.text, target.text, _as_loaded(anchor, annotation), annotation.figure_start)
        span = span or _figure_in_its_place(db, anchor, doc_id, target, annotation)
        if span is None:
            target = None
        else:
            start, end = span
    if target is None:
        db.execute("update annotations set orphaned = 1 where id = ?", [annotation.id])
        return
    db.execute(
        "update annotations set doc_id = ?, paragraph_id = ?, anchor_n = ?, anchor_text = ?, anchor_hash = ?, "
        "anchor_prev = ?, anchor_next = ?, orphaned = 0, figure_start = ?, figure_end = ? where id = ?",
        [doc_id, target.id, target.n, target.text, target.hash, target.prev, target.next, start, end, annotation.id],
    )


def relocate(old_text: str, text: str, figure_text: str, old_start: int | None) -> tuple[int, int] | None:
    """The figure's offsets in the new text: the occurrence of its text nearest where it was."""
    if old_start is not None and text == old_text and text[old_start : old_start + len(figure_text)] == figure_text:
        return old_start, old_start + len(figure_text)
    found: list[int] = []
    at = text.find(figure_text)
    while at >= 0:
        found.append(at)
        at = text.find(figure_text, at + 1)
    if not found:
        return None
    was = _map_offset(old_text, text, old_start or 0) if len(found) > 1 else 0
    start = min(found, key=lambda s: abs(s - was))
    return start, start + len(figure_text)


def _as_loaded(anchor: Anchor, annotation: _Loose) -> str:
    """The figure's text in its paragraph as last loaded: the text noted, or the figure it moved to since."""
    start, end = annotation.figure_start, annotation.figure_end
    if start is not None and end is not None and 0 <= start < end <= len(anchor.text):
        return anchor.text[start:end]
    return annotation.figure_text or ""


def _figure_in_its_place(
    db: sqlite_utils.Database, anchor: Anchor, doc_id: int, target: _Paragraph, annotation: _Loose,
) -> tuple[int, int] | None:
    """The span of the figure that took the place of one whose text is gone ("$2.5 million" edited to
    "$3 million"): one of the same kind overlapping where the edit took the old span, not carrying another
    figure annotation already; None when there is none."""
    start, end = annotation.figure_start, annotation.figure_end
    if start is None or end is None:
        return None
    kind = _kind_at(db, doc_id, anchor.text, start, end)
    if kind is None:
        return None
    was = (_map_offset(anchor.text, target.text, start), _map_offset(anchor.text, target.text, end))
    taken = {tuple(row) for row in db.execute(
        "select figure_start, figure_end from annotations where paragraph_id = ? and figure_start is not null",
        [target.id],
    )}
    candidates = [
        (overlap, -abs(s - was[0]), (s, e))
        for s, e in db.execute("select start, [end] from figures where paragraph_id = ? and kind = ?", [target.id, kind])
        if (overlap := min(e, was[1]) - max(s, was[0])) > 0 and (s, e) not in taken
    ]
    return max(candidates)[2] if candidates else None


def _kind_at(db: sqlite_utils.Database, doc_id: int, text: str, start: int, end: int) -> str | None:
    """The kind of the figure the extractor finds most of in `text[start:end]`, as the paragraph's figures are found."""
    from store.prepare import paragraph_figures

    row = db.execute("select published from documents where id = ?", [doc_id]).fetchone()
    published = date.fromisoformat(row[0]) if row and row[0] else None
    found = [(min(f.end, end) - max(f.start, start), f.kind) for f in paragraph_figures(text, published)]
    overlapping = [f for f in found if f[0] > 0]
    return max(overlapping)[1] if overlapping else None


def _map_offset(old_text: str, text: str, offset: int) -> int:
    for op in Levenshtein.opcodes(old_text, text):
        if op.src_start <= offset < op.src_end or (op.src_start == op.src_end == offset):
            return op.dest_start + (offset - op.src_start if op.tag == "equal" else 0)
    return len(text)


def _reading_paragraphs(db: sqlite_utils.Database, doc_id: int, around: int | None = None) -> list[_Paragraph]:
    window = "" if around is None else " and position between ? and ?"
    bounds = [] if around is None else [around - 50, around + 50]
    rows = db.execute(
        f"select id, n, text, hash from paragraphs where doc_id = ? and kind in ({_kinds()}){window} order by position",
        [doc_id, *READING_KINDS, *bounds],
    ).fetchall()
    hashes = [row[3] for row in rows]
    return [
        _Paragraph(row[0], row[1], row[2], row[3], hashes[i - 1] if i else None, hashes[i + 1] if i + 1 < len(rows) else None)
        for i, row in enumerate(rows)
    ]


def _kinds() -> str:
    return ",".join("?" * len(READING_KINDS))


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
