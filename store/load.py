"""Folders and files → parse → paragraphs and figures in the store; one transaction per file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from store.annotations.anchor import detach, reanchor_document
from store.db import StoreError, _explain
from store.decode import NotText, decode
from store.figures import extract
from store.parse import READING_KINDS, Article, parse
from store.repeats import forget_paragraphs, update_repeats
from store.text import bytes_hash, text_hash

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class LoadProblem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[LoadProblem] = field(default_factory=list)
    errors: list[LoadProblem] = field(default_factory=list)
    documents: int = 0
    paragraphs: int = 0
    new_paragraph_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


Progress = Callable[[str, str], None]


def load_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str | os.PathLike[str]],
    *,
    refresh: bool = False,
    group_repeats: bool = True,
    progress: Progress | None = None,
) -> LoadReport:
    """Load every article file under `paths`. A bad file is reported and the others still load;
    a locked or read-only database stops the run, since no file could be written."""
    report = LoadReport()
    for path, problem in _article_files(paths):
        if problem is not None:
            (report.skipped if problem.reason.startswith("skipped") else report.errors).append(problem)
            if progress:
                progress(str(path), problem.reason)
            continue
        try:
            status = _load_file(db, path, refresh, report)
        except (NotText, OSError) as exc:
            reason = str(exc) if isinstance(exc, NotText) else f"cannot read ({exc.strerror or exc})"
            report.errors.append(LoadProblem(str(path), reason))
            status = reason
        except sqlite3.OperationalError as exc:
            raise StoreError(f"database: {_explain(exc)}") from exc
        except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the others
            reason = f"could not be read ({type(exc).__name__}: {exc})"
            report.errors.append(LoadProblem(str(path), reason))
            status = reason
        if progress:
            progress(str(path), status)
    if group_repeats and report.new_paragraph_ids:
        try:
            update_repeats(db, report.new_paragraph_ids)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"database: {_explain(exc)}") from exc
    return report


def _article_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, LoadProblem | None]]:
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            yield path, LoadProblem(str(path), "no such file or folder")
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts) or not child.is_file():
                    continue
                if child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield child, None
                else:
                    yield child, LoadProblem(str(child), f"skipped: not an article file ({child.suffix or 'no suffix'}; tearsheet reads .txt and .md)")
        elif path.suffix.lower() in ARTICLE_SUFFIXES or path.is_file():
            yield path, None
        else:
            yield path, LoadProblem(str(path), "not a regular file")


def _load_file(db: sqlite_utils.Database, path: Path, refresh: bool, report: LoadReport) -> str:
    data = path.read_bytes()
    key = str(path.resolve())
    digest = bytes_hash(data)
    source = db.execute("select id, content_hash from sources where path = ?", [key]).fetchone()
    if source and source[1] == digest and not refresh:
        report.unchanged.append(str(path))
        return "unchanged"
    decoded = decode(data)
    source_id = source[0] if source else None
    articles = parse(decoded.text, seen_in_documents=_seen_counter(db, source_id))
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        row = {"path": key, "stem": path.stem, "content_hash": digest, "encoding": decoded.encoding,
               "size": len(data), "text": decoded.text, "loaded_at": now}
        if source_id is None:
            source_id = db["sources"].insert(row).last_pk
        else:
            db["sources"].update(source_id, row)
        kept_parts = []
        for article in articles:
            report.new_paragraph_ids.extend(_store_article(db, source_id, path.stem, article, digest, now))
            kept_parts.append(article.part)
            report.documents += 1
            report.paragraphs += len(article.paragraphs)
        _drop_missing_parts(db, source_id, kept_parts)
    report.loaded.append(str(path))
    return f"loaded ({decoded.encoding})" if decoded.encoding not in ("utf-8",) else "loaded"


def _seen_counter(db: sqlite_utils.Database, source_id: int | None) -> Callable[[str], int]:
    """How many other documents hold a line: lines repeated across a collection are page furniture."""
    def seen(line: str) -> int:
        if len(line) > 200:
            return 0
        row = db.execute(
            "select count(distinct p.doc_id) from paragraphs p join documents d on d.id = p.doc_id "
            "where p.hash = ? and d.source_id is not ?",
            [text_hash(line), source_id],
        ).fetchone()
        return row[0]
    return seen


def _store_article(
    db: sqlite_utils.Database, source_id: int, stem: str, article: Article, digest: str, now: str
) -> list[int]:
    doc = {
        "source_id": source_id, "part": article.part, "stem": stem if article.part == 0 else f"{stem}#{article.part}",
        "title": article.title, "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "published_raw": article.published_raw, "published_relative": int(article.published_relative),
        "start": article.start, "end": article.end, "content_hash": digest, "loaded_at": now,
        "parent_id": None,
    }
    if article.part:
        parent = db.execute("select id from documents where source_id = ? and part = 0", [source_id]).fetchone()
        doc["parent_id"] = parent[0] if parent else None
    existing = db.execute("select id from documents where source_id = ? and part = ?", [source_id, article.part]).fetchone()
    if existing:
        doc_id = existing[0]
        db["documents"].update(doc_id, doc)
        _clear_paragraphs(db, doc_id)
    else:
        doc_id = db["documents"].insert(doc).last_pk
    conn = db.conn
    new_ids: list[int] = []
    figure_rows: list[tuple] = []
    for position, paragraph in enumerate(article.paragraphs):
        cursor = conn.execute(
            "insert into paragraphs (doc_id, position, n, kind, text, start, [end], hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [doc_id, position, paragraph.n, paragraph.kind, paragraph.text, paragraph.start, paragraph.end,
             text_hash(paragraph.text)],
        )
        paragraph_id = cursor.lastrowid
        if paragraph.kind in READING_KINDS:
            new_ids.append(paragraph_id)
            figure_rows.extend(_figure_rows(paragraph_id, doc_id, paragraph.text, article.published))
    _insert_figures(db, figure_rows)
    reanchor_document(db, doc_id)
    return new_ids


def _clear_paragraphs(db: sqlite_utils.Database, doc_id: int) -> None:
    old = [row[0] for row in db.execute("select id from paragraphs where doc_id = ?", [doc_id])]
    if not old:
        return
    forget_paragraphs(db, old)
    detach(db, old)
    db.execute("delete from figures where doc_id = ?", [doc_id])
    db.execute("delete from paragraphs where doc_id = ?", [doc_id])


def _drop_missing_parts(db: sqlite_utils.Database, source_id: int, kept: list[int]) -> None:
    """A related article that is no longer on the page: its text goes, its annotations stay as orphans."""
    placeholders = ",".join("?" * len(kept))
    gone = [row[0] for row in db.execute(
        f"select id from documents where source_id = ? and part not in ({placeholders})", [source_id, *kept]
    )]
    for doc_id in gone:
        _clear_paragraphs(db, doc_id)
        reanchor_document(db, doc_id)
        annotated = db.execute("select 1 from annotations where doc_id = ? limit 1", [doc_id]).fetchone()
        if not annotated:
            db.execute("delete from reading where doc_id = ?", [doc_id])
            db.execute("delete from documents where id = ?", [doc_id])


def refresh_figures(db: sqlite_utils.Database) -> int:
    """Extract figures again for every paragraph (after the extractor improved); tags are untouched."""
    count = 0
    with db.atomic():
        db.execute("delete from figures")
        rows = db.execute(
            "select p.id, p.doc_id, p.text, d.published from paragraphs p join documents d on d.id = p.doc_id "
            f"where p.kind in ({','.join('?' * len(READING_KINDS))})",
            list(READING_KINDS),
        ).fetchall()
        batch = []
        for paragraph_id, doc_id, text, published in rows:
            day = date.fromisoformat(published) if published else None
            batch.extend(_figure_rows(paragraph_id, doc_id, text, day))
        _insert_figures(db, batch)
        count = len(batch)
    return count


def _figure_rows(paragraph_id: int, doc_id: int, text: str, published: date | None) -> list[tuple]:
    return [
        (paragraph_id, doc_id, f.start, f.end, f.text, f.kind, f.value, f.low, f.high, f.unit, f.counted, f.approx,
         f.resolved, f.resolved_end, f.granularity, int(f.relative))
        for f in extract(text, published)
    ]


def _insert_figures(db: sqlite_utils.Database, rows: list[tuple]) -> None:
    db.conn.executemany(
        "insert into figures (paragraph_id, doc_id, start, [end], text, kind, value, low, high, unit, counted, "
        "approx, resolved, resolved_end, granularity, relative) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
