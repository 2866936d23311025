"""Undo the last annotation change, from the log in the store (so it works after a restart too)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from store.annotations.anchor import reanchor_document
from store.annotations.changes import delete, snapshot, write_tags
from store.annotations.schema import ensure_annotation_tables
from store.db import writing
from store.text import clipped

if TYPE_CHECKING:
    import sqlite_utils


def undo(db: sqlite_utils.Database) -> str | None:
    """Put the annotation touched by the last change back as it was; a one-line account of what was undone."""
    ensure_annotation_tables(db)
    with writing(db):
        entry = db.execute(
            "select id, annotation_id, doc_id, before from annotation_log where undone = 0 order by id desc limit 1"
        ).fetchone()
        if entry is None:
            return None
        log_id, annotation_id, doc_id, before_json = entry
        before = json.loads(before_json) if before_json else None
        current = snapshot(db, annotation_id)
        if before is None:
            if current is not None:
                delete(db, annotation_id)
        elif current is not None:
            db.execute("update annotations set note = ?, updated_at = ? where id = ?",
                       [before["note"], before["updated_at"], annotation_id])
            write_tags(db, annotation_id, before["tags"])
        else:
            _restore(db, before)
        db.execute("update annotation_log set undone = 1 where id = ?", [log_id])
        restored = snapshot(db, annotation_id)
        return describe(db, current, restored) or "nothing (the annotation was already as before)"


def _restore(db: sqlite_utils.Database, state: dict) -> None:
    """Bring back a deleted annotation under its own id, on its paragraph if that still holds its text."""
    row = {k: v for k, v in state.items() if k != "tags"}
    columns = db["annotations"].columns_dict
    row = {k: v for k, v in row.items() if k in columns}
    if row.get("original_text") is None:
        row["original_text"] = row.get("anchor_text")
    if row.get("paragraph_id") is not None:
        same = db.execute(
            "select 1 from paragraphs where id = ? and doc_id = ? and hash = ?",
            [row["paragraph_id"], row["doc_id"], row["anchor_hash"]],
        ).fetchone()
        if not same:
            row["paragraph_id"] = None
    db["annotations"].insert(row)
    write_tags(db, row["id"], state["tags"])
    if row["paragraph_id"] is None:
        reanchor_document(db, row["doc_id"])


def describe(db: sqlite_utils.Database, old: dict | None, new: dict | None) -> str:
    """What changed from `old` to `new`, in one line: "tagged ¶3 'casualties'"."""
    state = new or old
    if state is None:
        return ""
    place = _place(db, state)
    old_tags, new_tags = (old or {}).get("tags", []), (new or {}).get("tags", [])
    added = [t for t in new_tags if t.casefold() not in {o.casefold() for o in old_tags}]
    removed = [t for t in old_tags if t.casefold() not in {n.casefold() for n in new_tags}]
    old_note, new_note = (old or {}).get("note"), (new or {}).get("note")
    parts = []
    if added:
        parts.append(f"tagged {place} {_quoted(added)}")
    if removed:
        parts.append(f"untagged {place} {_quoted(removed)}")
    if old_note != new_note:
        verb = "noted" if old_note is None else "removed the note on" if new_note is None else "changed the note on"
        parts.append(f"{verb} {place}")
    return "; ".join(parts)


def _place(db: sqlite_utils.Database, state: dict) -> str:
    n = state.get("anchor_n")
    if state.get("paragraph_id") is not None:
        row = db.execute("select n from paragraphs where id = ?", [state["paragraph_id"]]).fetchone()
        n = row[0] if row else n
    paragraph = f"¶{n}" if n is not None else "the title"
    figure = state.get("figure_text")
    return f"'{clipped(figure, 30)}' in {paragraph}" if figure else paragraph


def _quoted(tags: list[str]) -> str:
    return ", ".join(f"'{t}'" for t in tags)
