"""One file → everything that can be worked out without the database: text, articles, figures.

Pure and picklable, so the loader runs it in worker processes while it writes the previous files.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from store.decode import NotText, decode
from store.figures import Figure, extract
from store.figures.model import TABLE_COLUMNS
from store.kinds import READING_KINDS
from store.markdown import ORDERED_MARK, as_read
from store.parse import Article, parse
from store.text import bytes_hash, match_hash, text_hash


PREPARE_VERSION = 23
"""What reading a file yields (parsing, figures, hashes): raised whenever that changes, so that a file
stored by an earlier version is read again on its next load even though its bytes have not changed."""


@dataclass(slots=True)
class Prepared:
    path: str
    key: str
    digest: str
    size: int = 0
    encoding: str = ""
    text: str = ""
    articles: list[Article] | None = None
    figures: list[list[list[tuple]]] | None = None  # per article, per paragraph: `Figure.columns()` of each
    hashes: list[list[str]] | None = None  # per article, per paragraph: `text_hash`, worked out here off the writer
    match_hashes: list[list[str | None]] | None = None  # the same for `match_hash`
    unchanged: bool = False
    problem: str | None = None


CACHED_UP_TO = 2_000
"""Characters of the longest paragraph whose figures are kept: the cache must not hold a file of one long
paragraph a thousand times over."""


def _figures_of(text: str, published: date | None) -> list[tuple]:
    return list(_columns(text, published) if len(text) > CACHED_UP_TO else _cached_columns(text, published))


def _figures_again(stored: dict[tuple[str, str], list[tuple]], text: str, published: date | None) -> list[tuple]:
    known = stored.get((published.isoformat() if published else "", text))
    return known if known is not None else _figures_of(text, published)


def paragraph_figures(text: str, published: date | None) -> list[Figure]:
    """The figures of a paragraph's text; the number a numbered list item opens with (`1. Officials expect…`) is its
    place in the list, which the text keeps, not a figure."""
    marker = ORDERED_MARK.match(text)
    if marker is None:
        return extract(text, published)
    cut = marker.end()
    return [replace(figure, start=figure.start + cut, end=figure.end + cut) for figure in extract(text[cut:], published)]


@dataclass(frozen=True, slots=True)
class ReadParagraph:
    """Text read as a paragraph of an article is, with its figures (their offsets in `text`)."""

    text: str
    figures: list[Figure]


def read_as_paragraph(given: str, published: date | None) -> ReadParagraph:
    """Text given outside a file (`figures --text`) read as the loader reads a paragraph: its lines joined, the
    HTML and Markdown a scraper wrote as the text they mark up (a bulleted or quoted line without its marker),
    and a numbered item's own number not a figure."""
    text = as_read(" ".join(line.strip() for line in given.splitlines() if line.strip()))
    return ReadParagraph(text, paragraph_figures(text, published))


def _columns(text: str, published: date | None) -> tuple[tuple, ...]:
    """Figures are an aid to reading: a paragraph the extractor cannot handle loads without them
    rather than costing the whole file."""
    try:
        return tuple(figure.columns() for figure in paragraph_figures(text, published))
    except Exception:  # noqa: BLE001
        return ()


_cached_columns = functools.lru_cache(maxsize=1024)(_columns)
"""Per worker: syndicated copies and a repeated lead come close together (11% of the paragraphs of the
benchmark corpus are met again within 1,000; 3% of the time)."""


def forget_cached_figures() -> None:
    """For a process that outlives its load (the reader): the cache is worth keeping only across one load's files."""
    _cached_columns.cache_clear()


def _stored_figures(db_path: str, key: str) -> dict[tuple[str, str], list[tuple]]:
    """The figures stored for the reading paragraphs of this file's earlier version, by (published, text): a
    changed live blog's unchanged paragraphs keep theirs instead of being searched again. Read through a
    connection of its own (a worker's, or beside the loader's open write), which sees what was committed."""
    found: dict[tuple[str, str], list[tuple]] = {}
    try:
        conn = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True, timeout=0.1)
    except sqlite3.Error:
        return found
    try:
        rows = conn.execute(
            f"select coalesce(d.published, ''), p.text, p.id, {_FIGURE_COLUMNS} from sources s "
            "join documents d on d.source_id = s.id join paragraphs p on p.doc_id = d.id "
            "left join figures f on f.paragraph_id = p.id "
            f"where s.path = ? and s.prepared_by = ? and p.kind in ({','.join('?' * len(READING_KINDS))}) "
            "order by p.id, f.rowid",
            [key, PREPARE_VERSION, *READING_KINDS],
        )
        # A text printed twice (a live blog's repeated lead) has its figures stored twice: one copy's are its figures.
        first: dict[tuple[str, str], int] = {}
        for published, text, paragraph_id, *columns in rows:
            if first.setdefault((published, text), paragraph_id) != paragraph_id:
                continue
            figures = found.setdefault((published, text), [])
            if columns[0] is not None:
                figures.append(tuple(columns))
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    return found


_FIGURE_COLUMNS = ", ".join(f"f.[{c}]" for c in TABLE_COLUMNS)


def source_key(path: str) -> str:
    """What a file is stored under: its absolute path with links resolved."""
    return os.path.realpath(path)


def prepare(path: str, known_digest: str | None, db_path: str | None = None) -> Prepared:
    """Never raises: a file that cannot be read comes back with `problem` saying why in one line. With `db_path`
    and a `known_digest` (an earlier version is stored), paragraphs that read as they did keep their figures."""
    try:
        with open(path, "rb") as file:
            data = file.read()
        key = source_key(path)
    except OSError as exc:
        return Prepared(path, path, "", problem=f"cannot read ({exc.strerror or exc})")
    digest = bytes_hash(data)
    if digest == known_digest:
        return Prepared(path, key, digest, unchanged=True)
    try:
        decoded = decode(data)
        articles = parse(decoded.text)
        stored = _stored_figures(db_path, key) if db_path and known_digest else {}
        figures = [
            [_figures_again(stored, p.text, a.published) if p.kind in READING_KINDS else [] for p in a.paragraphs]
            for a in articles
        ]
        hashes = [[text_hash(p.text) for p in a.paragraphs] for a in articles]
        match_hashes = [[match_hash(p.text) for p in a.paragraphs] for a in articles]
    except NotText as exc:
        return Prepared(path, key, digest, problem=str(exc))
    except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the others
        return Prepared(path, key, digest, problem=f"could not be read ({type(exc).__name__}: {exc})")
    return Prepared(path, key, digest, len(data), decoded.encoding, decoded.text, articles, figures, hashes,
                    match_hashes)
