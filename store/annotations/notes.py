"""Notes on paragraphs (or on a figure), and letting go of an annotation altogether."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.annotations.changes import Span, change, delete, log, now, snapshot
from store.annotations.queries import Annotation
from store.annotations.schema import ensure_annotation_tables
from store.db import StoreError, writing

if TYPE_CHECKING:
    import sqlite_utils


def set_note(
    db: sqlite_utils.Database, paragraph_id: int, note: str | None, *, start: int | None = None, end: int | None = None
) -> Annotation | None:
    """Set the note on a paragraph, or on the figure at `start`–`end`; empty or None clears it.
    None comes back when the annotation is left with neither note nor tag."""
    span = Span(start, end) if start is not None and end is not None else None
    return change(db, paragraph_id, span, note=note)


def discard(db: sqlite_utils.Database, annotation_id: int) -> None:
    """Remove an annotation with all its tags and its note (an orphan the user has dealt with); undoable."""
    ensure_annotation_tables(db)
    with writing(db):
        before = snapshot(db, annotation_id)
        if before is None:
            raise StoreError(f"no annotation {annotation_id}")
        delete(db, annotation_id)
        log(db, annotation_id, before["doc_id"], before, None, now())
