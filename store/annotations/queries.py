"""Reading annotations back: per document, per tag, the orphans, and tag suggestions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from store.annotations.compare import changed_since_noted, figure_where_it_stands

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(slots=True)
class Annotation:
    """Tags and a note on a whole paragraph (no figure offsets) or on one figure inside it.

    `n` and `text` are the paragraph's current reading number and text, or the last ones it had
    when the annotation is orphaned; `original_text` is the paragraph's text when the annotation was made.
    """

    id: int
    doc_id: int
    paragraph_id: int | None
    n: int | None
    figure_start: int | None
    figure_end: int | None
    figure_text: str | None
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    orphaned: bool = False
    created_at: str = ""
    updated_at: str = ""
    text: str = ""
    original_text: str = ""

    @property
    def is_figure(self) -> bool:
        return self.figure_text is not None

    @property
    def changed_since_noted(self) -> bool:
        return changed_since_noted(self.original_text, self.text)

    @property
    def quote(self) -> str:
        return self.figure_text if self.figure_text is not None else self.text


@dataclass(frozen=True, slots=True)
class TaggedQuote:
    """One place a tag was put (or an orphaned annotation), as the tag browser lists it.

    For an orphan `n` is the reading number its paragraph had, `position` and `paragraph_id` are None."""

    doc_id: int
    title: str
    n: int | None
    position: int | None
    text: str
    figure_text: str | None
    paragraph_id: int | None
    annotation_id: int
    published: str | None = None
    note: str | None = None
    orphaned: bool = False
    original_text: str = ""
    tags: tuple[str, ...] = ()
    """Filled where the list is not of one tag (the orphans), so that each says what it carried."""

    @property
    def changed_since_noted(self) -> bool:
        return changed_since_noted(self.original_text, self.text)


_COLUMNS = (
    "a.id, a.doc_id, a.paragraph_id, coalesce(p.n, a.anchor_n), a.figure_start, a.figure_end, a.figure_text, "
    "a.note, coalesce(a.orphaned, 0), a.created_at, a.updated_at, coalesce(p.text, a.anchor_text, ''), "
    "coalesce(a.original_text, '')"
)
_FROM = "from annotations a left join paragraphs p on p.id = a.paragraph_id"
_ORDER = "order by a.paragraph_id is null, p.position, a.anchor_n, a.figure_start is not null, a.figure_start, a.id"


def tags_of(db: sqlite_utils.Database, annotation_ids: list[int]) -> dict[int, list[str]]:
    """Each annotation's tags in the order they were added."""
    found: dict[int, list[str]] = defaultdict(list)
    for start in range(0, len(annotation_ids), 500):
        chunk = annotation_ids[start : start + 500]
        for annotation_id, tag in db.execute(
            f"select annotation_id, tag from annotation_tags where annotation_id in ({','.join('?' * len(chunk))}) "
            "order by rowid",
            chunk,
        ):
            found[annotation_id].append(tag)
    return found


def _annotations(db: sqlite_utils.Database, where: str, args: list, tail: str = _ORDER) -> list[Annotation]:
    rows = db.execute(f"select {_COLUMNS} {_FROM} {where} {tail}", args).fetchall()
    tags = tags_of(db, [row[0] for row in rows])
    return [
        Annotation(*row[:7], tags=tags.get(row[0], []), note=row[7], orphaned=bool(row[8]), created_at=row[9] or "",
                   updated_at=row[10] or "", text=row[11], original_text=row[12])
        for row in rows
    ]


def annotation(db: sqlite_utils.Database, annotation_id: int) -> Annotation | None:
    found = _annotations(db, "where a.id = ?", [annotation_id])
    return found[0] if found else None


def annotations_of_document(db: sqlite_utils.Database, doc_id: int) -> list[Annotation]:
    """In reading order, whole paragraphs before their figures; orphans last."""
    return _annotations(db, "where a.doc_id = ?", [doc_id])


def annotations_of_paragraph(db: sqlite_utils.Database, paragraph_id: int) -> list[Annotation]:
    return _annotations(db, "where a.paragraph_id = ?", [paragraph_id])


def orphaned(db: sqlite_utils.Database, limit: int = 500, offset: int = 0) -> list[Annotation]:
    """Annotations whose text is no longer in their article, by document then former place."""
    return _annotations(
        db, "where a.paragraph_id is null", [limit, offset], "order by a.doc_id, a.anchor_n, a.figure_start, a.id limit ? offset ?"
    )


def tags_with_counts(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Every tag with the number of paragraphs and figures that carry it, most used first."""
    return [
        (tag, count)
        for tag, count in db.execute(
            "select min(tag), count(distinct annotation_id) c from annotation_tags group by tag collate nocase "
            "order by c desc, min(tag) collate nocase"
        )
    ]


def known_tags(db: sqlite_utils.Database, prefix: str = "", limit: int = 50) -> list[str]:
    """Tags starting with `prefix` (any case), most used first, for completion."""
    wanted = " ".join(prefix.split()).casefold()
    return [tag for tag, _count in tags_with_counts(db) if tag.casefold().startswith(wanted)][:limit]


def narrowed_tags(counts: list[tuple[str, int]], text: str) -> list[tuple[str, int]]:
    """The tags of `counts` containing `text` (any case), those starting with it first, each part in the order
    given."""
    wanted = " ".join(text.split()).casefold()
    starting = [(tag, n) for tag, n in counts if tag.casefold().startswith(wanted)]
    within = [(tag, n) for tag, n in counts if wanted in tag.casefold() and not tag.casefold().startswith(wanted)]
    return starting + within


_QUOTE_COLUMNS = (
    "a.doc_id, coalesce(d.title, d.stem, ''), coalesce(p.n, a.anchor_n), p.position, "
    "coalesce(p.text, a.anchor_text, ''), a.figure_text, a.paragraph_id, a.id, d.published, a.note, "
    "a.paragraph_id is null, coalesce(a.original_text, ''), a.figure_start, a.figure_end"
)
_QUOTE_FROM = "left join paragraphs p on p.id = a.paragraph_id left join documents d on d.id = a.doc_id"


def _quotes(db: sqlite_utils.Database, sql: str, args: list) -> list[TaggedQuote]:
    quotes = []
    for row in db.execute(sql, args).fetchall():
        quote = TaggedQuote(*row[:10], orphaned=bool(row[10]), original_text=row[11])
        if quote.figure_text is not None and not quote.orphaned:
            quote = replace(quote, figure_text=figure_where_it_stands(quote.text, row[12], row[13], quote.figure_text))
        quotes.append(quote)
    return quotes


def paragraphs_with_tag(db: sqlite_utils.Database, tag: str, limit: int = 200, offset: int = 0) -> list[TaggedQuote]:
    """Every paragraph and figure carrying `tag` (any case), newest article first, in reading order; orphans last."""
    return _quotes(
        db,
        f"select {_QUOTE_COLUMNS} from annotation_tags t join annotations a on a.id = t.annotation_id {_QUOTE_FROM} "
        "where t.tag = ? "
        "order by a.paragraph_id is null, coalesce(d.published, '') desc, a.doc_id, p.position, a.anchor_n, "
        "a.figure_start is not null, a.figure_start, a.id limit ? offset ?",
        [canonical_tag(db, tag) or " ".join(tag.split()), limit, offset],
    )


def orphaned_quotes(db: sqlite_utils.Database, limit: int = 500, offset: int = 0) -> list[TaggedQuote]:
    """The orphans as the tag browser lists them, under their article's title, by document then former place,
    each with its tags."""
    quotes = _quotes(
        db,
        f"select {_QUOTE_COLUMNS} from annotations a {_QUOTE_FROM} where a.paragraph_id is null "
        "order by a.doc_id, a.anchor_n, a.figure_start, a.id limit ? offset ?",
        [limit, offset],
    )
    carried = tags_of(db, [q.annotation_id for q in quotes])
    return [replace(q, tags=tuple(carried.get(q.annotation_id, ()))) for q in quotes]


_UNTAGGED_NOTE = ("a.paragraph_id is not null and coalesce(a.note, '') != '' "
                  "and not exists (select 1 from annotation_tags t where t.annotation_id = a.id)")


def untagged_note_count(db: sqlite_utils.Database) -> int:
    return db.execute(f"select count(*) from annotations a where {_UNTAGGED_NOTE}").fetchone()[0]


def orphan_count(db: sqlite_utils.Database) -> int:
    return db.execute("select count(*) from annotations where paragraph_id is null").fetchone()[0]


def untagged_notes(db: sqlite_utils.Database, limit: int = 500, offset: int = 0) -> list[TaggedQuote]:
    """Noted paragraphs and figures that carry no tag (orphans are listed with the orphans), newest article first,
    in reading order."""
    return _quotes(
        db,
        f"select {_QUOTE_COLUMNS} from annotations a {_QUOTE_FROM} where {_UNTAGGED_NOTE} "
        "order by coalesce(d.published, '') desc, a.doc_id, p.position, a.figure_start is not null, a.figure_start, a.id "
        "limit ? offset ?",
        [limit, offset],
    )


def canonical_tag(db: sqlite_utils.Database, tag: str) -> str | None:
    """The spelling in the store of a tag typed in any case (Cyrillic and Greek included), or None."""
    wanted = " ".join(tag.split())
    for sql in ("select tag from annotation_tags where tag = ? limit 1",
                "select tag from annotation_tags where tag = ? collate nocase group by tag order by count(*) desc limit 1"):
        row = db.execute(sql, [wanted]).fetchone()
        if row:
            return row[0]
    if wanted.isascii():
        return None
    folded = wanted.casefold()
    for (known,) in db.execute("select tag from annotation_tags group by tag order by count(*) desc, tag"):
        if known.casefold() == folded:
            return known
    return None
