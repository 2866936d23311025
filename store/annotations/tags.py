"""Tagging paragraphs and figures, by id (the reader) or by document and reading number (the CLI)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from store.annotations.changes import KEEP, Span, change, normalise_tags
from store.annotations.queries import Annotation
from store.annotations.schema import ensure_annotation_tables
from store.db import StoreError
from store.queries import paragraph_at, resolve_doc

if TYPE_CHECKING:
    import sqlite_utils


def _required(tags: list[str]) -> list[str]:
    found = normalise_tags(tags)
    if not found:
        raise StoreError("no tag given: a tag needs at least one visible character")
    return found


def tag_paragraph(db: sqlite_utils.Database, paragraph_id: int, tags: list[str]) -> Annotation:
    annotation = change(db, paragraph_id, add=_required(tags))
    assert annotation is not None
    return annotation


def untag_paragraph(db: sqlite_utils.Database, paragraph_id: int, tags: list[str]) -> Annotation | None:
    return change(db, paragraph_id, remove=_required(tags))


def tag_figure(db: sqlite_utils.Database, paragraph_id: int, start: int, end: int, tags: list[str]) -> Annotation:
    annotation = change(db, paragraph_id, Span(start, end), add=_required(tags))
    assert annotation is not None
    return annotation


def untag_figure(db: sqlite_utils.Database, paragraph_id: int, start: int, end: int, tags: list[str]) -> Annotation | None:
    return change(db, paragraph_id, Span(start, end), remove=_required(tags))


def retag_paragraph(db: sqlite_utils.Database, paragraph_id: int, add: list[str], remove: list[str]) -> Annotation | None:
    """Tags added and others removed in one change, undone together (the reader's tag dialog toggles them)."""
    adding, removing = _either(add, remove)
    return change(db, paragraph_id, add=adding, remove=removing)


def retag_figure(
    db: sqlite_utils.Database, paragraph_id: int, start: int, end: int, add: list[str], remove: list[str],
) -> Annotation | None:
    adding, removing = _either(add, remove)
    return change(db, paragraph_id, Span(start, end), add=adding, remove=removing)


def _either(add: list[str], remove: list[str]) -> tuple[list[str], list[str]]:
    adding, removing = normalise_tags(add), normalise_tags(remove)
    if not adding and not removing:
        raise StoreError("no tag given: a tag needs at least one visible character")
    return adding, removing


def tag_by_reference(
    db: sqlite_utils.Database, doc_ref: str | int, n: int, tags: list[str], note: str | None = None
) -> Annotation | None:
    """`tearsheet tag DOC PARAGRAPH TAG... [--note TEXT]`: tags and note in one change, undone together (None when
    an empty note leaves the paragraph neither tagged nor noted)."""
    paragraph = paragraph_at(db, resolve_doc(db, doc_ref), int(n))
    add = _required(tags) if tags or note is None else []
    return change(db, paragraph.id, add=add, note=KEEP if note is None else note)


def untag_by_reference(db: sqlite_utils.Database, doc_ref: str | int, n: int, tags: list[str]) -> Annotation | None:
    """`tearsheet untag DOC PARAGRAPH TAG...`"""
    paragraph = paragraph_at(db, resolve_doc(db, doc_ref), int(n))
    return change(db, paragraph.id, remove=_required(tags))


def last_tag(db: sqlite_utils.Database) -> str | None:
    """The tag most recently put on something (and not undone), for "tag this one the same"."""
    ensure_annotation_tables(db)
    for before, after in db.execute(
        "select before, after from annotation_log where undone = 0 and after is not null order by id desc limit 100"
    ):
        old = {t.casefold() for t in (json.loads(before)["tags"] if before else [])}
        added = [t for t in json.loads(after)["tags"] if t.casefold() not in old]
        if added:
            return added[-1]
    return None
