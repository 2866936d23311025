"""What the screens and the command line read: documents, paragraphs, search hits, reading state.

Every query that grows with the collection takes a LIMIT.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, TypeVar

from store.dates import MONTH_WORDS_CYRILLIC
from store.db import DocumentGone, StoreError, writing
from store.fts_query import fts_queries, widened
from store.kinds import HIDDEN_KINDS
from store.spellings import cyrillic_names, latin_names, spellings_of
from store.word_forms import stems

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
LIKE_ESCAPE = "\\"
LIKE = f"like ? escape '{LIKE_ESCAPE}'"


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    path: str
    stem: str
    title: str | None
    source: str | None
    published: str | None
    parent_id: int | None
    paragraphs: int
    boilerplate: int
    figures: int = 0
    tags: int = 0  # paragraphs with a tag or note on them or on a figure in them; orphans are not counted
    repeats: int = 0
    """Paragraphs that copy one printed first elsewhere, figures and all: a copy that changes a figure (71 → 74)
    says something new, and is not counted."""
    read: bool = False
    position: int | None = None
    author: str | None = None

    @property
    def display_title(self) -> str:
        return self.title or self.stem

    @property
    def byline(self) -> str | None:
        """`By Jane Doe`, for a header; None when no byline named who wrote it."""
        return f"By {self.author}" if self.author else None

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in ("id", "path", "title", "source", "author", "published", "paragraphs",
                                              "boilerplate")} | {"parent": self.parent_id}


@dataclass(frozen=True, slots=True)
class ParagraphRow:
    id: int
    doc_id: int
    position: int
    n: int | None
    kind: str
    text: str

    @property
    def hidden(self) -> bool:
        return self.kind in HIDDEN_KINDS


@dataclass(frozen=True, slots=True)
class Hit:
    paragraph_id: int
    doc_id: int
    n: int | None
    position: int
    title: str
    published: str | None
    text: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        out, last = [], 0
        for start, end in self.spans:
            out += [self.text[last:start], open_mark, self.text[start:end], close_mark]
            last = end
        out.append(self.text[last:])
        return "".join(out)

    def to_json(self) -> dict:
        return asdict(self) | {"marked": self.marked(), "spans": [list(s) for s in self.spans]}


SORTS = {
    # Newest first, each related article right after the page it came from (sort_date is its page's date).
    # Each order matches an index (store.db), so a page of rows costs the same however large the collection.
    "date": "d.sort_date desc, coalesce(d.parent_id, d.id), d.part",
    "outlet": "d.source is null, d.source collate nocase, coalesce(d.published, '') desc, d.id",
    "title": "coalesce(d.title, d.stem) collate nocase, d.id",
    "loaded": "d.id",
}

_DOCUMENT_COLUMNS = """
    d.id, s.path, d.stem, d.title, d.source, d.published, d.parent_id,
    (select count(*) from paragraphs p where p.doc_id = d.id and p.n is not null),
    (select count(*) from paragraphs p where p.doc_id = d.id and p.kind = 'boilerplate'),
    (select count(*) from figures f where f.doc_id = d.id),
    (select count(distinct a.paragraph_id) from annotations a where a.doc_id = d.id and a.paragraph_id is not null),
    (select count(*) from paragraphs p join repeat_members m on m.paragraph_id = p.id
        join repeat_groups g on g.id = m.group_id
        where p.doc_id = d.id and p.n is not null and g.size > 1 and g.representative_id != p.id
        and not exists (select 1 from figures f where f.paragraph_id = p.id and not exists (
            select 1 from figures r where r.paragraph_id = g.representative_id and r.text = f.text))
        and not exists (select 1 from figures r where r.paragraph_id = g.representative_id and not exists (
            select 1 from figures f where f.paragraph_id = p.id and f.text = r.text))),
    coalesce(r.read, 0), r.position, d.author
"""
_DOCUMENT_FROM = "from documents d join sources s on s.id = d.source_id left join reading r on r.doc_id = d.id"


def _document(row: tuple) -> DocumentRow:
    return DocumentRow(*row[:12], read=bool(row[12]), position=row[13], author=row[14])


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _filter(text: str, tag: str | None) -> tuple[str, list]:
    """Every word in the title, the outlet or the date; a place name in any of its spellings and either script
    (`kiev` finds Kyiv and Київ), a Ukrainian or Russian word in its other forms (`Києва` finds Київ), a month by
    its name (`march`, `березень` and `марта` find 2025-03-…)."""
    clauses, args = [], []
    for word in text.split():
        folded = word.casefold()
        alternatives = []
        others = (*spellings_of(folded), *stems(folded), *cyrillic_names(folded), *latin_names(folded))
        for spelling in dict.fromkeys((folded, *others)):
            alternatives.append(f"casefold(coalesce(d.title, d.stem)) {LIKE} or casefold(coalesce(d.source, '')) {LIKE}")
            args += [f"%{like_literal(spelling)}%"] * 2
        alternatives.append(f"coalesce(d.published, '') {LIKE}")
        args.append(f"%{like_literal(folded)}%")
        month = next((i for i, name in enumerate(_MONTHS, 1) if len(folded) >= 3 and name.startswith(folded)),
                     MONTH_WORDS_CYRILLIC.get(folded))
        if month is not None:
            alternatives.append(f"substr(coalesce(d.published, ''), 6, 2) = '{month:02d}'")
        clauses.append("(" + " or ".join(alternatives) + ")")
    if tag:
        clauses.append("d.id in (select a.doc_id from annotations a join annotation_tags t on t.annotation_id = a.id where t.tag = ?)")
        args.append(tag)
    return (" where " + " and ".join(clauses)) if clauses else "", args


def documents(
    db: sqlite_utils.Database, *, sort: str = "date", text: str = "", tag: str | None = None,
    limit: int | None = 200, offset: int = 0,
) -> list[DocumentRow]:
    """Documents with their counts; related articles follow the page they came from when sorted by date."""
    where, args = _filter(text, tag)
    order = SORTS.get(sort, SORTS["date"])
    # The page is chosen from the order's index alone: with the counts in the same select, SQLite worked
    # them out for every row it skipped (offset 8,000 of 16,149 sorted by date: 325 ms).
    page = f"select d.id from documents d{where} order by {order} limit ? offset ?"
    sql = f"select {_DOCUMENT_COLUMNS} {_DOCUMENT_FROM} where d.id in ({page}) order by {order}"
    return [_document(r) for r in db.execute(sql, [*args, -1 if limit is None else limit, offset])]


def count_documents(db: sqlite_utils.Database, *, text: str = "", tag: str | None = None) -> int:
    where, args = _filter(text, tag)
    return db.execute(f"select count(*) from documents d{where}", args).fetchone()[0]


def documents_by_id(db: sqlite_utils.Database, ids: list[int]) -> list[DocumentRow]:
    """The rows of these documents as they are now (in no particular order), for a screen showing them."""
    found: list[DocumentRow] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"select {_DOCUMENT_COLUMNS} {_DOCUMENT_FROM} where d.id in ({','.join('?' * len(chunk))})"
        found += [_document(r) for r in db.execute(sql, chunk)]
    return found


def document(db: sqlite_utils.Database, doc_id: int) -> DocumentRow:
    row = db.execute(f"select {_DOCUMENT_COLUMNS} {_DOCUMENT_FROM} where d.id = ?", [doc_id]).fetchone()
    if row is None:
        raise DocumentGone(f"no document with id {doc_id}")
    return _document(row)


def resolve_doc(db: sqlite_utils.Database, ref: str | int) -> int:
    """A document by its numeric id or its file name's stem (`000_f7ba…`, `003_7f94…#1` for a related article)."""
    text = str(ref).strip()
    if text.isdigit():
        row = db.execute("select id from documents where id = ?", [int(text)]).fetchone()
        if row:
            return row[0]
    rows = db.execute("select id from documents where stem = ? order by id", [text]).fetchall()
    if not rows:
        rows = db.execute(f"select id from documents where stem {LIKE} and part = 0 order by id", [f"{like_literal(text)}%"]).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if not rows:
        raise StoreError(f"no document '{text}': use an id or a file name's stem from `tearsheet docs`")
    raise StoreError(f"'{text}' names {len(rows)} documents: use the numeric id from `tearsheet docs`")


def paragraphs_of(
    db: sqlite_utils.Database, doc_id: int, *, include_hidden: bool = False, limit: int | None = None,
) -> list[ParagraphRow]:
    """The document's paragraphs in order (the first `limit` of them when given)."""
    where = "" if include_hidden else " and n is not null"
    return [
        ParagraphRow(*row)
        for row in db.execute(
            f"select id, doc_id, position, n, kind, text from paragraphs where doc_id = ?{where} order by position"
            " limit ?",
            [doc_id, -1 if limit is None else limit],
        )
    ]


def paragraph_as_listed(
    db: sqlite_utils.Database, doc_id: int, paragraph_id: int, text: str, n: int | None,
) -> ParagraphRow | None:
    """The paragraph of the document that reads `text`: `paragraph_id` while it still does, else (a load of the
    article's file renews its paragraphs, and their ids go to others) the one numbered nearest `n`, as a page
    may print a text twice; None when none reads it."""
    row = db.execute(
        "select id, doc_id, position, n, kind, text from paragraphs where doc_id = ? and text = ? "
        "order by id != ?, abs(coalesce(n, 0) - ?), position limit 1",
        [doc_id, text, paragraph_id, n or 0],
    ).fetchone()
    return ParagraphRow(*row) if row else None


def paragraph_at(db: sqlite_utils.Database, doc_id: int, n: int) -> ParagraphRow:
    row = db.execute(
        "select id, doc_id, position, n, kind, text from paragraphs where doc_id = ? and n = ?", [doc_id, n]
    ).fetchone()
    if row is None:
        raise StoreError(f"document {doc_id} has no paragraph {n}")
    return ParagraphRow(*row)


# Ranking scores every matching paragraph, ~150 ms for a word in most of 266,000; the reader searches as
# you type, where the first letter or two match that many.
RANK_WITHIN = 5000

_READABLE = (
    "p.kind in ('title', 'heading', 'body')"
    # A page that prints its headline twice is one hit, not two.
    " and not exists (select 1 from paragraphs q indexed by idx_paragraphs_doc_id_hash "
    "where q.doc_id = p.doc_id and q.hash = p.hash and q.position < p.position)"
)
_HIT_COLUMNS = (
    "p.id, p.doc_id, p.n, p.position, coalesce(d.title, d.stem), d.published, "
    f"highlight(paragraphs_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}')"
)
_HIT_FROM = "from paragraphs_fts join paragraphs p on p.id = paragraphs_fts.rowid join documents d on d.id = p.doc_id"


@dataclass(frozen=True, slots=True)
class SearchCursor:
    """Where the next page of a search begins.

    The ranked hits are put in order once, when the search begins, so that later pages neither repeat nor skip
    one even if a load changes the collection in between; the matches too old to be ranked follow, newest first.
    """

    match: str
    """What FTS5 is given (`store.fts_query.fts_queries`): the query with its place names widened to every
    spelling, or its words quoted when FTS5 could not parse it."""
    ranked: tuple[int, ...]
    """Paragraph ids, best first, ties broken by id."""
    taken: int = 0
    """How many of `ranked` earlier pages have shown."""
    below: int | None = None
    """The matches not ranked have ids under this one; None when there are none left."""

    @property
    def ranked_left(self) -> int:
        return len(self.ranked) - self.taken

    @property
    def exhausted(self) -> bool:
        return not self.ranked_left and self.below is None


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: list[Hit]
    next: SearchCursor | None
    """Where the page after this one begins; None when this one reached the last hit."""


def search(db: sqlite_utils.Database, query: str, *, limit: int = 100, rank_within: int | None = None) -> list[Hit]:
    """The first `limit` hits of `begin_search`."""
    cursor = begin_search(db, query, rank_within=rank_within)
    return search_page(db, cursor, limit).hits if cursor is not None else []


def begin_search(db: sqlite_utils.Database, query: str, *, rank_within: int | None = None) -> SearchCursor | None:
    """Full-text search over every reading paragraph, best first: where its first page begins (None for no query).

    With `rank_within`, when more paragraphs match than that, only the most recently loaded that many are
    ranked, so the cost stays bounded however large the collection grows; the older ones follow unranked.
    """
    if not query.strip():
        return None
    cursor = first_parsed(query, lambda match: _begun(db, match, rank_within))
    return _typed_spelling_first(db, cursor, query, rank_within) if cursor is not None else None


def _typed_spelling_first(
    db: sqlite_utils.Database, cursor: SearchCursor, query: str, rank_within: int | None,
) -> SearchCursor:
    """The hits in the spelling typed first, then those only in another (`Kyiv`, then `Kiev`). Ranked together,
    the rarer spelling scores higher whatever was typed, and which outlets write which spelling then decides
    what comes first."""
    typed = next((q for q in fts_queries(query) if q != cursor.match and widened(q) == cursor.match), None)
    if typed is None:
        return cursor
    try:
        first = _begun(db, typed, rank_within).ranked
    except sqlite3.OperationalError:
        return cursor
    # Only what the search finds, reordered: as typed, `ukraine NOT Kyiv` finds the Kiev paragraphs it leaves out.
    found = set(cursor.ranked)
    first = tuple(pid for pid in first if pid in found)
    seen = set(first)
    return replace(cursor, ranked=first + tuple(pid for pid in cursor.ranked if pid not in seen))


def first_parsed(query: str, run: Callable[[str], T]) -> T | None:
    """`run` on the first of `fts_queries(query)` that FTS5 can parse; None when it can parse none."""
    for match in fts_queries(query):
        try:
            return run(match)
        except sqlite3.OperationalError:
            continue
    return None


def search_page(db: sqlite_utils.Database, cursor: SearchCursor, limit: int) -> SearchPage:
    """Up to `limit` hits from `cursor` on, with the matched words located."""
    ids = cursor.ranked[cursor.taken : cursor.taken + limit]
    hits = _hits_by_id(db, cursor.match, ids)
    below = cursor.below
    wanted = limit - len(ids)
    if wanted and below is not None:
        older = _hits_below(db, cursor.match, below, wanted)
        hits += older
        below = older[-1].paragraph_id if len(older) == wanted else None
    after = replace(cursor, taken=cursor.taken + len(ids), below=below)
    return SearchPage(hits, None if after.exhausted else after)


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern compared with `LIKE`, its `%` and `_` taken literally rather than as wildcards."""
    return text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")


def _begun(db: sqlite_utils.Database, match: str, rank_within: int | None) -> SearchCursor:
    """Raises sqlite3.OperationalError when FTS5 cannot parse `match`."""
    oldest_ranked = None
    if rank_within is not None:
        oldest_ranked = db.execute(
            "select rowid from paragraphs_fts where paragraphs_fts match ? order by rowid desc limit 1 offset ?",
            [match, rank_within - 1],
        ).fetchone()
    sql = (
        "select p.id from paragraphs_fts join paragraphs p on p.id = paragraphs_fts.rowid "
        f"where paragraphs_fts match ? and {_READABLE}"
        f"{' and paragraphs_fts.rowid >= ?' if oldest_ranked else ''} order by rank, p.id"
    )
    ranked = tuple(row[0] for row in db.execute(sql, [match, *(oldest_ranked or ())]))
    return SearchCursor(match, ranked, below=oldest_ranked[0] if oldest_ranked else None)


def _hits_by_id(db: sqlite_utils.Database, match: str, ids: tuple[int, ...]) -> list[Hit]:
    """The hits of these paragraphs in this order; one deleted since the search began is left out."""
    if not ids:
        return []
    sql = f"select {_HIT_COLUMNS} {_HIT_FROM} where paragraphs_fts match ? and paragraphs_fts.rowid in ({','.join('?' * len(ids))})"
    found = {row[0]: _hit(row) for row in db.execute(sql, [match, *ids])}
    return [found[i] for i in ids if i in found]


def _hits_below(db: sqlite_utils.Database, match: str, below: int, limit: int) -> list[Hit]:
    """Matches unranked, newest first, from the id under `below` on."""
    sql = (
        f"select {_HIT_COLUMNS} {_HIT_FROM} where paragraphs_fts match ? and {_READABLE} "
        "and paragraphs_fts.rowid < ? order by paragraphs_fts.rowid desc limit ?"
    )
    return [_hit(row) for row in db.execute(sql, [match, below, limit])]


def _hit(row: tuple) -> Hit:
    return Hit(*row[:6], *unmark(row[6]))


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    text, spans, start = [], [], 0
    length = 0
    for ch in marked:
        if ch == MARK_OPEN:
            start = length
        elif ch == MARK_CLOSE:
            spans.append((start, length))
        else:
            text.append(ch)
            length += 1
    return "".join(text), tuple(spans)


def source_text(db: sqlite_utils.Database, doc_id: int) -> str:
    """The decoded text of the file a document came from, exactly as read."""
    row = db.execute(
        "select s.text from sources s join documents d on d.source_id = s.id where d.id = ?", [doc_id]
    ).fetchone()
    if row is None:
        raise DocumentGone(f"no document with id {doc_id}")
    return row[0]


def remember_position(db: sqlite_utils.Database, doc_id: int, position: int) -> None:
    """Record where the reader is in a document."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with writing(db):
        db.execute(
            "insert into reading (doc_id, position, read, opened_at) values (?, ?, 0, ?) "
            "on conflict(doc_id) do update set position = excluded.position, opened_at = excluded.opened_at",
            [doc_id, position, now],
        )


def set_read(db: sqlite_utils.Database, doc_id: int, read: bool = True) -> None:
    with writing(db):
        db.execute(
            "insert into reading (doc_id, position, read) values (?, null, ?) "
            "on conflict(doc_id) do update set read = excluded.read",
            [doc_id, int(read)],
        )


def last_opened(db: sqlite_utils.Database) -> int | None:
    row = db.execute(
        "select r.doc_id from reading r join documents d on d.id = r.doc_id where r.opened_at is not null "
        "order by r.opened_at desc, r.rowid desc limit 1"
    ).fetchone()
    return row[0] if row else None


def document_count(db: sqlite_utils.Database) -> int:
    return db.execute("select count(*) from documents").fetchone()[0]
