"""Folders and files → parse → paragraphs and figures in the store; each file whole or not at all."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from store.annotations.anchor import detach, reanchor_document
from store.boilerplate import SHARED_BY
from store.db import database_path, defer_figure_indexes, index_figures, store_error
from store.figures.model import TABLE_COLUMNS
from store.kinds import READING_KINDS
from store.parse import Article, mark_collection_furniture
from store.prepare import PREPARE_VERSION, Prepared, forget_cached_figures, paragraph_figures, prepare, source_key
from store.repeats import forget_paragraphs, update_repeats
from store.text import text_hash

if TYPE_CHECKING:
    import sqlite_utils

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class LoadProblem:
    path: str
    reason: str
    count: int = 1
    """Files and folders this report stands for: one note names all the hidden ones in a folder."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[LoadProblem] = field(default_factory=list)
    errors: list[LoadProblem] = field(default_factory=list)
    empty: list[LoadProblem] = field(default_factory=list)
    """Files loaded with no paragraph to read: every line a title, a byline or page furniture."""
    documents: int = 0
    paragraphs: int = 0
    """Paragraphs the reader numbers, as `tearsheet docs` counts them (not titles, bylines or furniture)."""
    boilerplate: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def skipped_count(self) -> int:
        return sum(problem.count for problem in self.skipped)


Progress = Callable[[int, int, str, str], None]
"""Called after each file: (files done, files in all, path, what happened)."""


def _nothing_to_read(articles: list[Article], stem: str) -> str:
    set_aside = sum(p.kind == "boilerplate" for a in articles for p in a.paragraphs)
    titled = any(a.title for a in articles)
    what = (f"{set_aside} line{'s' * (set_aside != 1)} set aside as page furniture" if set_aside
            else "only its headline" if titled else "only its header")
    return f"loaded, but it has no paragraph to read ({what}; `tearsheet show {stem} --all` shows every line)"


def load_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str | os.PathLike[str]],
    *,
    refresh: bool = False,
    group_repeats: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
) -> LoadReport:
    """Load every article file under `paths`. A bad file is reported and the others still load;
    a locked or read-only database stops the run, since no file could be written.

    Files are read, parsed and searched for figures in worker processes while this one writes.
    """
    report = LoadReport()
    jobs: list[tuple[str, str | None, str | None]] = []
    stored_in = _database_file(db)
    known = {} if refresh else dict(db.execute(
        "select path, content_hash from sources where prepared_by = ?", [PREPARE_VERSION]).fetchall())
    for path, problem in _article_files(paths):
        if problem is not None:
            (report.skipped if problem.reason.startswith("skipped") else report.errors).append(problem)
            continue
        jobs.append((path, known.get(source_key(path)), stored_in))
    deferred = False
    try:
        deferred = bool(jobs) and defer_figure_indexes(db)
        with _Batches(db) as batches:
            for done, prepared in enumerate(_prepared(jobs, workers, idle=batches.release), start=1):
                batches.begin()
                # The job's own string, not the worker's copy of it, which would be held as long as the report.
                prepared.path = jobs[done - 1][0]
                try:
                    status = _store_file(db, prepared, report)
                except sqlite3.OperationalError:
                    raise
                except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the others
                    status = f"could not be stored ({type(exc).__name__}: {exc})"
                    report.errors.append(LoadProblem(prepared.path, status))
                batches.tick()
                if progress:
                    progress(done, len(jobs), prepared.path, status)
        index_figures(db)
    except sqlite3.OperationalError as exc:
        raise store_error(exc, database_path(db)) from exc
    except BaseException:
        # A first load stopped midway (ctrl+c) leaves what it stored indexed, not a collection read by scans.
        if deferred:
            with contextlib.suppress(sqlite3.Error):
                index_figures(db)
        raise
    del jobs, known
    if group_repeats:
        # Once, at the end: in batches of 30,000 it measured 53 s against 9 s at once for 213,000
        # paragraphs, and grouping reads the texts a block at a time either way. Every paragraph not yet
        # placed, not only this run's: a load stopped before this point left its files stored but ungrouped.
        try:
            update_repeats(db)
        except sqlite3.OperationalError as exc:
            raise store_error(exc, database_path(db)) from exc
    return report


class _Batches:
    """Each file is a savepoint (it goes in whole or not at all) inside a transaction that is committed
    every COMMIT_EVERY seconds, and whenever a worker keeps the loader waiting (IDLE_AFTER): a commit per
    file cost 2 ms and a new FTS5 segment to merge each time, while the waits leave the write lock free for
    another program (the reader tagging, a second load). A killed load loses at most the last batch,
    which loading again picks up by its hashes."""

    COMMIT_EVERY = 0.5

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.conn = db.conn
        self.started = 0.0

    def __enter__(self) -> _Batches:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if not self.conn.in_transaction:
            return
        self.conn.execute("ROLLBACK" if kind is not None and issubclass(kind, sqlite3.OperationalError) else "COMMIT")

    def begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.started = time.monotonic()

    def tick(self) -> None:
        if time.monotonic() - self.started >= self.COMMIT_EVERY:
            self.release()

    def release(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")


PARALLEL_FROM = 24
IDLE_AFTER = 0.005
"""Seconds of waiting for a worker after which the loader commits: at every wait it measured 4 s slower at
10,000 articles (a commit, and an FTS5 segment, for nearly every file)."""
FILES_PER_JOB = 4
"""Files sent to a worker at a time. Each job costs the writing thread a wake-up of the pool's manager
thread, which then holds the GIL unpickling results: one file a job spent ~9 s of a 10,000-article load
in `submit`."""
JOBS_IN_FLIGHT_PER_WORKER = 4


def _database_file(db: sqlite_utils.Database) -> str | None:
    """The file workers may read earlier versions' figures from; none for a database in memory."""
    name = db.execute("select file from pragma_database_list where name = 'main'").fetchone()
    return name[0] if name and name[0] else None


def _prepare_all(jobs: list[tuple[str, str | None, str | None]]) -> list[Prepared]:
    return [prepare(*job) for job in jobs]


def _prepared(
    jobs: list[tuple[str, str | None, str | None]], workers: int | None, idle: Callable[[], None] = lambda: None,
) -> Iterator[Prepared]:
    """Results in file order; at most a few dozen files in flight, so memory stays flat however many there are.
    `idle` is called when the next file keeps the loader waiting."""
    count = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if count <= 1 or len(jobs) < PARALLEL_FROM:
        try:
            for job in jobs:
                idle()
                yield prepare(*job)
        finally:
            forget_cached_figures()
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    chunks = (jobs[i:i + FILES_PER_JOB] for i in range(0, len(jobs), FILES_PER_JOB))
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_prepare_all, chunk))
            if len(pending) >= count * JOBS_IN_FLIGHT_PER_WORKER:
                break
        while pending:
            head = pending.popleft()
            try:
                results = head.result(timeout=IDLE_AFTER)
            except TimeoutError:
                idle()
                results = head.result()
            chunk = next(chunks, None)
            if chunk is not None:
                pending.append(pool.submit(_prepare_all, chunk))
            yield from results


def _article_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, LoadProblem | None]]:
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            yield str(path), LoadProblem(str(path), "no such file or folder")
        elif path.is_dir():
            children, hidden = _folder_contents(str(path))
            for child in children:
                suffix = os.path.splitext(child)[1]
                if suffix.lower() in ARTICLE_SUFFIXES:
                    yield child, None
                else:
                    yield child, LoadProblem(child, f"skipped: not an article file ({suffix or 'no suffix'}; tearsheet reads .txt and .md)")
            if hidden.count:
                yield str(path), LoadProblem(str(path), hidden.reason(), hidden.count)
        elif path.suffix.lower() in ARTICLE_SUFFIXES or path.is_file():
            yield str(path), None
        else:
            yield str(path), LoadProblem(str(path), "not a regular file")


@dataclass(slots=True)
class HiddenNames:
    """Dot-names met in a folder, relative to it: skipped, and said so once for the folder."""

    files: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)

    SHOWN = 5

    @property
    def count(self) -> int:
        return len(self.files) + len(self.folders)

    def reason(self) -> str:
        names = sorted([*self.files, *(f"{name}/" for name in self.folders)])
        more = len(names) - self.SHOWN
        listed = ", ".join(names[:self.SHOWN]) + (f" and {more} more" if more > 0 else "")
        counts = [_counted(len(found), noun) for found, noun in ((self.files, "hidden file"), (self.folders, "hidden folder"))
                  if found]
        return f"skipped {' and '.join(counts)} (names starting with '.'; name one to load it): {listed}"


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _folder_contents(root: str) -> tuple[list[str], HiddenNames]:
    """The regular files under `root`, sorted as paths (part by part), leaving out dot-names; a hidden folder is
    not entered (a .git holds thousands of files). Plain strings: a Path a file weighed ~600 bytes, and
    pathlib interns every name, in a table that never shrinks."""
    found: list[str] = []
    hidden = HiddenNames()
    for folder, subfolders, names in os.walk(root):
        hidden.folders.extend(os.path.relpath(os.path.join(folder, name), root)
                              for name in subfolders if name.startswith("."))
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            child = os.path.join(folder, name)
            if name.startswith("."):
                hidden.files.append(os.path.relpath(child, root))
            elif os.path.isfile(child):
                found.append(child)
    found.sort(key=_path_order)
    return found, hidden


def _path_order(path: str) -> str:
    """Sorts as pathlib compares paths: part by part, a separator before any character of a name."""
    return os.path.normcase(path).replace(os.sep, "\0")


def _store_file(db: sqlite_utils.Database, prepared: Prepared, report: LoadReport) -> str:
    if prepared.problem is not None:
        report.errors.append(LoadProblem(prepared.path, prepared.problem))
        return prepared.problem
    if prepared.unchanged:
        report.unchanged.append(prepared.path)
        return "unchanged"
    assert prepared.articles is not None and prepared.figures is not None and prepared.hashes is not None
    assert prepared.match_hashes is not None
    source = db.execute("select id from sources where path = ?", [prepared.key]).fetchone()
    source_id = source[0] if source else None
    mark_collection_furniture(prepared.articles, _seen_counter(db, source_id))
    stem = os.path.splitext(os.path.basename(prepared.path))[0]
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        row = {"path": prepared.key, "stem": stem, "content_hash": prepared.digest, "prepared_by": PREPARE_VERSION,
               "encoding": prepared.encoding, "size": prepared.size, "text": prepared.text, "loaded_at": now}
        source_id = _put(db, "sources", row, source_id)
        kept_parts, readable = [], 0
        for article, figures, hashes, match_hashes in zip(
                prepared.articles, prepared.figures, prepared.hashes, prepared.match_hashes):
            _store_article(db, source_id, stem, article, figures, hashes, match_hashes, prepared.digest, now)
            kept_parts.append(article.part)
            report.documents += 1
            readable += sum(p.n is not None for p in article.paragraphs)
            report.boilerplate += sum(p.kind == "boilerplate" for p in article.paragraphs)
        _drop_missing_parts(db, source_id, kept_parts)
    report.paragraphs += readable
    report.loaded.append(prepared.path)
    if not readable:
        report.empty.append(LoadProblem(prepared.path, _nothing_to_read(prepared.articles, stem)))
    return "loaded" if prepared.encoding == "utf-8" else f"loaded ({prepared.encoding})"


def _seen_counter(db: sqlite_utils.Database, source_id: int | None) -> Callable[[str], int]:
    """How many other documents hold a line: lines repeated across a collection are page furniture."""
    def seen(line: str) -> int:
        if len(line) > 200:
            return 0
        # Counting stops at SHARED_BY: a line every page carries would otherwise cost a scan of all its copies.
        row = db.execute(
            "select count(*) from (select distinct p.doc_id from paragraphs p join documents d on d.id = p.doc_id "
            "where p.hash = ? and d.source_id is not ? limit ?)",
            [text_hash(line), source_id, SHARED_BY],
        ).fetchone()
        return row[0]
    return seen


def _put(db: sqlite_utils.Database, table: str, row: dict[str, object], row_id: int | None) -> int:
    """Insert (row_id None) or update one row by plain SQL: sqlite-utils' insert() costs ~0.4 ms a call
    in the loader's hot path, where the columns are known."""
    columns = ", ".join(f"[{name}]" for name in row)
    if row_id is None:
        return db.conn.execute(
            f"insert into {table} ({columns}) values ({', '.join('?' * len(row))})", list(row.values())
        ).lastrowid
    assignments = ", ".join(f"[{name}] = ?" for name in row)
    db.conn.execute(f"update {table} set {assignments} where id = ?", [*row.values(), row_id])
    return row_id


def _store_article(
    db: sqlite_utils.Database, source_id: int, stem: str, article: Article, figures: list[list[tuple]],
    hashes: list[str], match_hashes: list[str | None], digest: str, now: str,
) -> None:
    doc = {
        "source_id": source_id, "part": article.part, "stem": stem if article.part == 0 else f"{stem}#{article.part}",
        "title": article.title, "source": article.source, "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "published_raw": article.published_raw, "published_relative": int(article.published_relative),
        "start": article.start, "end": article.end, "content_hash": digest, "loaded_at": now,
        "parent_id": None,
    }
    if article.part:
        parent = db.execute("select id from documents where source_id = ? and part = 0", [source_id]).fetchone()
        doc["parent_id"] = parent[0] if parent else None
    existing = db.execute("select id from documents where source_id = ? and part = ?", [source_id, article.part]).fetchone()
    doc_id = _put(db, "documents", doc, existing[0] if existing else None)
    if existing:
        _clear_paragraphs(db, doc_id)
    # Ids assigned here, inside the file's transaction, so the rows go in with one executemany.
    first_id = db.execute("select coalesce(max(id), 0) + 1 from paragraphs").fetchone()[0]
    rows, figure_rows = [], []
    for position, (paragraph, found, digest_of_text, match) in enumerate(
            zip(article.paragraphs, figures, hashes, match_hashes)):
        paragraph_id = first_id + position
        rows.append((paragraph_id, doc_id, position, paragraph.n, paragraph.kind, paragraph.text, paragraph.start,
                     paragraph.end, digest_of_text, match))
        if paragraph.kind in READING_KINDS:
            figure_rows.extend((paragraph_id, doc_id, *columns) for columns in found)
    db.conn.executemany(
        "insert into paragraphs (id, doc_id, position, n, kind, text, start, [end], hash, match_hash) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.conn.executemany("insert into paragraphs_fts (rowid, text) values (?, ?)", ((row[0], row[5]) for row in rows))
    _insert_figures(db, figure_rows)
    reanchor_document(db, doc_id)


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
            batch.extend((paragraph_id, doc_id, *f.columns()) for f in paragraph_figures(text, day))
        _insert_figures(db, batch)
        count = len(batch)
    return count


def _insert_figures(db: sqlite_utils.Database, rows: list[tuple]) -> None:
    db.conn.executemany(_INSERT_FIGURE, rows)


_INSERT_FIGURE = (
    f"insert into figures (paragraph_id, doc_id, {', '.join(f'[{c}]' for c in TABLE_COLUMNS)}) "
    f"values ({', '.join('?' * (len(TABLE_COLUMNS) + 2))})"
)
