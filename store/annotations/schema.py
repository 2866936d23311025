"""Tables that hold tags, notes and the undo log."""

from __future__ import annotations

import sqlite_utils


def create_annotation_tables(db: sqlite_utils.Database) -> None:
    db["annotations"].create(
        {
            "id": int, "doc_id": int, "paragraph_id": int, "figure_start": int, "figure_end": int,
            "figure_text": str, "note": str, "anchor_text": str, "anchor_hash": str, "anchor_n": int,
            "orphaned": int, "created_at": str, "updated_at": str,
        },
        pk="id", foreign_keys=[("doc_id", "documents", "id"), ("paragraph_id", "paragraphs", "id")],
        if_not_exists=True,
    )
    db["annotations"].create_index(["paragraph_id"], if_not_exists=True)
    db["annotations"].create_index(["doc_id"], if_not_exists=True)
    db["annotation_tags"].create(
        {"annotation_id": int, "tag": str},
        pk=("annotation_id", "tag"), foreign_keys=[("annotation_id", "annotations", "id")], if_not_exists=True,
    )
    db["annotation_tags"].create_index(["tag"], if_not_exists=True)
