"""Open the tearsheet database: where it lives, its schema, and migrations between versions."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    import sqlite_utils


SCHEMA_VERSION = 11
BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A problem the user can act on: the message says what and where."""


class StoreLocked(StoreError):
    """Another program held the write lock for longer than the wait: the same write may go through later."""


class StoreReadOnly(StoreError):
    """The database cannot be written (the file, its folder or the connection is read-only); reading works."""


class ParagraphChanged(StoreError):
    """The paragraph a change was asked for no longer holds the text the reader showed: its file was loaded
    again meanwhile (and its id may now be another paragraph's)."""


class DocumentGone(StoreError):
    """No document has this id (any more): a later load of its file left it out."""


def default_path() -> Path:
    """`$TEARSHEET_DB`, else tearsheet.db in the user data directory."""
    env = os.environ.get("TEARSHEET_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("tearsheet", appauthor=False)) / "tearsheet.db"


OPTIONAL_IMPORTS_OF_SQLITE_UTILS = ("numpy", "pandas")


def sqlite_utils_module() -> ModuleType:
    """sqlite-utils, imported without numpy and pandas the first time.

    sqlite-utils imports them, when installed, only to map their scalar types to column types for inserts;
    tearsheet never hands it such values, and numpy alone was a third of the reader's start-up. Modules that
    need numpy (store.repeats) still import it as usual afterwards.
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    blocked = [name for name in OPTIONAL_IMPORTS_OF_SQLITE_UTILS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # None makes `import name` raise ImportError
    try:
        import sqlite_utils
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils


def holds_documents(path: str | os.PathLike[str] | None = None) -> bool:
    """Whether the file exists, is at this schema version and holds a document, asked with plain sqlite3.

    The reader then opens it after its first paint instead of before; anything else (a missing or empty
    file, an older schema, an error) is answered False and left to open_db, which migrates or explains.
    """
    target = Path(path) if path is not None else default_path()
    try:
        # Not the busy timeout: a locked file is left to open_db, which waits once and says so.
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=rw", uri=True, timeout=0.1)
    except (sqlite3.Error, OSError, ValueError):
        return False
    try:
        version = conn.execute("select value from meta where key = 'schema_version'").fetchone()
        if version is None or int(version[0]) != SCHEMA_VERSION:
            return False
        return conn.execute("select 1 from documents limit 1").fetchone() is not None
    except (sqlite3.Error, ValueError):
        return False
    finally:
        conn.close()


def open_db(
    path: str | os.PathLike[str] | None = None, *, migrate: bool = True, create: bool = True,
) -> sqlite_utils.Database:
    """Open (creating if needed, unless `create` is False) and bring the schema up to date.

    `check_same_thread=False` because the reader hands the connection to one exclusive worker group.
    """
    target = Path(path) if path is not None else default_path()
    if target.is_dir():
        raise StoreError(f"{target}: is a directory, not a database file")
    if not create and not target.exists():
        raise StoreError(f"{target}: no such database file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(target)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # SQLite's LIKE and lower() fold ASCII only: 'київ' never found 'Київ'.
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        db = sqlite_utils_module().Database(conn)
        if migrate:
            _enable_wal(db, target)
            migrate_schema(db)
    except sqlite3.DatabaseError as exc:
        raise store_error(exc, target) from exc
    except OSError as exc:
        raise StoreError(f"{target}: cannot open the database ({exc.strerror or exc})") from exc
    return db


def _casefold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else text


CACHED_STATEMENTS = 32
"""Compiled statements a connection keeps (Python's default is 128). Queries over a list of ids are compiled
once for each length of list, and a full cache of them held 6 MB when grouping a large collection; the few
that repeat in a loop stay cached either way (same grouping time)."""


def _connect(target: Path) -> sqlite3.Connection:
    """A connection that has read the file. A WAL file whose `-shm` cannot be made beside it (a read-only
    folder or medium) cannot be opened as usual: it is opened immutable, for reading only, unless changes
    are still waiting in its `-wal` file, which an immutable connection would silently leave out."""
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                           cached_statements=CACHED_STATEMENTS)
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) or not target.is_file():
            raise
        conn.close()
        wal = target.with_name(target.name + "-wal")
        if wal.is_file() and wal.stat().st_size:
            raise StoreReadOnly(
                f"{target}: its folder cannot be written, and its latest changes are still in {wal.name}; "
                f"copy {target.name} and {wal.name} together to a folder you can write to") from exc
        conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                               cached_statements=CACHED_STATEMENTS)
    return conn


def _enable_wal(db: sqlite_utils.Database, target: Path) -> None:
    # In WAL mode NORMAL still survives a killed process; it only skips the fsync on every commit.
    db.execute("PRAGMA synchronous = NORMAL")
    if db.journal_mode == "wal":
        return
    try:
        db.enable_wal()
    except sqlite3.OperationalError:
        # A read-only file still opens for reading in its current journal mode.
        if os.access(target, os.W_OK):
            raise


def store_error(exc: sqlite3.Error, where: str | os.PathLike[str]) -> StoreError:
    """The StoreError explaining an SQLite error, of the kind that says whether trying again can help, its
    message naming `where` (the database's path)."""
    message = f"{where}: {_explain(exc)}"
    if _is_locked(exc):
        return StoreLocked(message)
    if _is_read_only(exc):
        return StoreReadOnly(message)
    return StoreError(message)


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def _is_read_only(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "readonly" in text or "read-only" in text


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc)
    if _is_locked(exc):
        return "the database is locked by another program; try again when it is done"
    if _is_read_only(exc):
        return "the database is read-only; choose a writable file with --db"
    if "unable to open" in text:
        return "cannot open or create the database file here (is its folder writable?)"
    if "not a database" in text or "malformed" in text:
        return "this file is not a tearsheet database (or it is damaged)"
    return text


def database_path(db: sqlite_utils.Database) -> str:
    """The file the connection has open, for messages ("an in-memory database" when there is none)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or "an in-memory database"
    return "the database"


@contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction, taking the write lock up front so a busy store waits instead of failing midway.

    An SQLite error comes out as the StoreError that explains it (StoreLocked, StoreReadOnly), naming the file.
    """
    conn = db.conn
    try:
        if conn.in_transaction:
            with db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        raise store_error(exc, database_path(db)) from exc


@contextmanager
def waiting_at_most(db: sqlite_utils.Database, wait_ms: int | None) -> Iterator[None]:
    """Inside the block another program's write lock is waited for at most `wait_ms` (None: the usual busy
    timeout); after it, the wait is what it was."""
    if wait_ms is None:
        yield
        return
    before = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(before)}")


def is_read_only(db: sqlite_utils.Database) -> bool:
    """Whether the store refuses writes, asked with a write undone at once and no wait: a file locked by
    another program answers False (it was writable a moment ago, and will be again)."""
    conn = db.conn
    if conn.in_transaction:
        return False
    try:
        with waiting_at_most(db, 0):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("update meta set value = value where key = 'schema_version'")
    except sqlite3.OperationalError as exc:
        return _is_read_only(exc)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return False


def schema_version(db: sqlite_utils.Database) -> int:
    if "meta" not in db.table_names():
        return 0
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db["meta"].upsert({"key": key, "value": value}, pk="key")


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    if "meta" not in db.table_names():
        return default
    row = db.execute("select value from meta where key = ?", [key]).fetchone()
    return row[0] if row else default


def migrate_schema(db: sqlite_utils.Database) -> None:
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this tearsheet ({SCHEMA_VERSION}); upgrade tearsheet"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            set_meta(db, "schema_version", str(target))


def _v1(db: sqlite_utils.Database) -> None:
    # Imported here: those packages import this module for open_db and StoreError.
    from store.annotations.schema import create_annotation_tables
    from store.repeats.schema import create_repeat_tables

    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["sources"].create(
        {
            "id": int, "path": str, "stem": str, "content_hash": str, "encoding": str,
            "size": int, "text": str, "loaded_at": str,
        },
        pk="id", if_not_exists=True,
    )
    db["sources"].create_index(["path"], unique=True, if_not_exists=True)
    db["documents"].create(
        {
            "id": int, "source_id": int, "part": int, "parent_id": int, "stem": str,
            "title": str, "source": str, "published": str, "published_raw": str,
            "published_relative": int, "start": int, "end": int, "content_hash": str, "loaded_at": str,
        },
        pk="id", foreign_keys=[("source_id", "sources", "id"), ("parent_id", "documents", "id")],
        if_not_exists=True,
    )
    db["documents"].create_index(["source_id", "part"], unique=True, if_not_exists=True)
    db["documents"].create_index(["stem"], if_not_exists=True)
    db["documents"].create_index(["published"], if_not_exists=True)
    db["paragraphs"].create(
        {
            "id": int, "doc_id": int, "position": int, "n": int, "kind": str, "text": str,
            "start": int, "end": int, "hash": str,
        },
        pk="id", foreign_keys=[("doc_id", "documents", "id")], if_not_exists=True,
    )
    db["paragraphs"].create_index(["doc_id", "position"], unique=True, if_not_exists=True)
    db["paragraphs"].create_index(["hash"], if_not_exists=True)
    db["paragraphs"].enable_fts(["text"], create_triggers=True, tokenize="porter", replace=True)
    db["figures"].create(
        {
            "id": int, "paragraph_id": int, "doc_id": int, "start": int, "end": int, "text": str,
            "kind": str, "value": float, "low": float, "high": float, "unit": str, "counted": str,
            "approx": str, "resolved": str, "resolved_end": str, "granularity": str, "relative": int,
        },
        pk="id", foreign_keys=[("paragraph_id", "paragraphs", "id"), ("doc_id", "documents", "id")],
        if_not_exists=True,
    )
    db["figures"].create_index(["paragraph_id"], if_not_exists=True)
    db["figures"].create_index(["doc_id"], if_not_exists=True)
    db["figures"].create_index(["kind", "counted"], if_not_exists=True)
    create_repeat_tables(db)
    create_annotation_tables(db)
    db["reading"].create(
        {"doc_id": int, "position": int, "read": int, "opened_at": str},
        pk="doc_id", foreign_keys=[("doc_id", "documents", "id")], if_not_exists=True,
    )


# A related article sorts by the date of the page it came from. That date is in another row, so triggers keep
# it in documents.sort_date, and an index on it serves the library's date order without sorting every row.
_SORT_DATE = "coalesce((select p.published from documents p where p.id = {row}.parent_id), {row}.published, '')"
_FOLLOW_PARENT = "update documents set sort_date = coalesce({parent}.published, published, '') where parent_id = {parent}.id"
_SORT_DATE_TRIGGERS = (
    f"""create trigger if not exists documents_sort_date_insert after insert on documents begin
        update documents set sort_date = {_SORT_DATE.format(row="new")} where id = new.id;
        {_FOLLOW_PARENT.format(parent="new")};
    end""",
    f"""create trigger if not exists documents_sort_date_update after update of published, parent_id on documents begin
        update documents set sort_date = {_SORT_DATE.format(row="new")} where id = new.id;
        {_FOLLOW_PARENT.format(parent="new")};
    end""",
    """create trigger if not exists documents_sort_date_delete after delete on documents begin
        update documents set sort_date = coalesce(published, '') where parent_id = old.id;
    end""",
)


_OUTLET_ORDER_INDEX = ("create index if not exists documents_outlet_order on documents "
                       "(source is null, source collate nocase, coalesce(published, '') desc, id)")


def _v2(db: sqlite_utils.Database) -> None:
    if "sort_date" not in db["documents"].columns_dict:
        db.execute("alter table documents add column sort_date text")
    db.execute(f"update documents set sort_date = {_SORT_DATE.format(row='documents')}")
    db.execute("create index if not exists documents_parent on documents (parent_id)")
    db.execute("create index if not exists documents_date_order on documents (sort_date desc, coalesce(parent_id, id), part)")
    db.execute(_OUTLET_ORDER_INDEX)
    db.execute("create index if not exists documents_title_order on documents (coalesce(title, stem) collate nocase, id)")
    for trigger in _SORT_DATE_TRIGGERS:
        db.execute(trigger)


def _v3(db: sqlite_utils.Database) -> None:
    from store.repeats.schema import index_keys_by_paragraph

    index_keys_by_paragraph(db)


def _v4(db: sqlite_utils.Database) -> None:
    # The loader writes paragraphs_fts with one executemany per article: through this per-row trigger the
    # same rows cost 5x as much (7 of a 10,000-article load's seconds). Update and delete triggers stay.
    db.execute("drop trigger if exists paragraphs_ai")


def _v5(db: sqlite_utils.Database) -> None:
    from store.repeats.schema import store_prints

    store_prints(db)


def _v6(db: sqlite_utils.Database) -> None:
    from store.annotations.schema import keep_original_text

    keep_original_text(db)


def _v7(db: sqlite_utils.Database) -> None:
    # NULL for every file read so far: each is read again on its next load, by the reader it now has.
    if "prepared_by" not in db["sources"].columns_dict:
        db.execute("alter table sources add column prepared_by integer")


def _v8(db: sqlite_utils.Database) -> None:
    # Search skips a headline a page prints twice by asking for an earlier copy in the same document: through
    # (doc_id, position) that walked every earlier paragraph, 8.5 s for a word in a 12,000-paragraph live blog.
    db.execute("create index if not exists idx_paragraphs_doc_id_hash on paragraphs (doc_id, hash)")


# A figure resolved to a date, month, year or period starts its `resolved` with a year; a clock time alone
# ("14:30") does not.
RESOLVES_TO_A_DATE = "resolved glob '[0-9][0-9][0-9][0-9]*'"


def _v9(db: sqlite_utils.Database) -> None:
    # Figures in time order: read a page at a time from this index, not by sorting every dated figure for each
    # page. One kind in time order walks it too; an index per kind as well cost every load ~1 s in 10,000 articles.
    db.execute(FIGURE_INDEXES["figures_when"])


def _v10(db: sqlite_utils.Database) -> None:
    # Copies that differ only in a place name's spelling (Kiev, Kyiv) share a key for grouping (`match_hash`).
    # NULL for every file read so far: each is read again on its next load, by the reader it now has.
    if "match_hash" not in db["paragraphs"].columns_dict:
        db.execute("alter table paragraphs add column match_hash text")
    db.execute("create index if not exists idx_paragraphs_match_hash on paragraphs (match_hash) "
               "where match_hash is not null")


def _v11(db: sqlite_utils.Database) -> None:
    # Who wrote each article, from its byline; NULL for the files read so far until their next load reads them again.
    if "author" not in db["documents"].columns_dict:
        db.execute("alter table documents add column author text")
    # Documents with no outlet last in the outlet order, after Cyrillic outlets too: "~" sorted before them.
    db.execute("drop index if exists documents_outlet_order")
    db.execute(_OUTLET_ORDER_INDEX)


FIGURE_INDEXES = {
    "idx_figures_paragraph_id": 'create index if not exists "idx_figures_paragraph_id" on "figures" ("paragraph_id")',
    "idx_figures_doc_id": 'create index if not exists "idx_figures_doc_id" on "figures" ("doc_id")',
    "idx_figures_kind_counted": 'create index if not exists "idx_figures_kind_counted" on "figures" ("kind", "counted")',
    "figures_when": f"create index if not exists figures_when on figures (resolved, resolved_end) where {RESOLVES_TO_A_DATE}",
}
"""Every index on figures, as the migrations make them."""


def defer_figure_indexes(db: sqlite_utils.Database) -> bool:
    """Before a first load (no figure stored yet): drop the figures' indexes, which `index_figures` builds once
    when the files are in. Kept up figure by figure, they cost a 10,000-article load several seconds."""
    if db.execute("select 1 from figures limit 1").fetchone() is not None:
        return False
    for name in FIGURE_INDEXES:
        db.execute(f"drop index if exists {name}")
    return True


def index_figures(db: sqlite_utils.Database) -> None:
    """Every index on figures, built where missing (after a first load, or one stopped before its end)."""
    with db.conn:
        for sql in FIGURE_INDEXES.values():
            db.execute(sql)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7, 8: _v8, 9: _v9, 10: _v10, 11: _v11,
}
