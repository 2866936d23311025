"""Tables that hold tags, notes and the undo log."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


ANCHOR_COLUMNS = {"anchor_prev": str, "anchor_next": str}


def create_annotation_tables(db: sqlite_utils.Database) -> None:
    db["annotations"].create(
        {
            "id": int, "doc_id": int, "paragraph_id": int, "figure_start": int, "figure_end": int,
            "figure_text": str, "note": str, "anchor_text": str, "anchor_hash": str, "anchor_n": int,
            "orphaned": int, "created_at": str, "updated_at": str, "original_text": str, **ANCHOR_COLUMNS,
        },
        pk="id", foreign_keys=[("doc_id", "documents", "id"), ("paragraph_id", "paragraphs", "id")],
        if_not_exists=True,
    )
    columns = db["annotations"].columns_dict
    for name, kind in ANCHOR_COLUMNS.items():
        if name not in columns:
            db["annotations"].add_column(name, kind)
    db["annotations"].create_index(["paragraph_id"], if_not_exists=True)
    db["annotations"].create_index(["doc_id"], if_not_exists=True)
    db["annotation_tags"].create(
        {"annotation_id": int, "tag": str},
        pk=("annotation_id", "tag"), foreign_keys=[("annotation_id", "annotations", "id")], if_not_exists=True,
    )
    db["annotation_tags"].create_index(["tag"], if_not_exists=True)
    db.execute("create index if not exists annotation_tags_tag_nocase on annotation_tags (tag collate nocase)")
    db["annotation_log"].create(
        {"id": int, "at": str, "annotation_id": int, "doc_id": int, "before": str, "after": str, "undone": int},
        pk="id", if_not_exists=True,
    )
    db["annotation_log"].create_index(["undone", "id"], if_not_exists=True)


def ensure_annotation_tables(db: sqlite_utils.Database) -> None:
    """A store created before the undo log or the neighbour anchors gets them on first use."""
    if not db["annotation_log"].exists() or not ANCHOR_COLUMNS.keys() <= db["annotations"].columns_dict.keys():
        create_annotation_tables(db)


def keep_original_text(db: sqlite_utils.Database) -> None:
    """Schema 6: the text an annotation was first made on. Rows written before have only their current anchor
    text (a reload may already have replaced the original), so that is what they keep."""
    if "original_text" not in db["annotations"].columns_dict:
        db["annotations"].add_column("original_text", str)
    db.execute("update annotations set original_text = anchor_text where original_text is null")
