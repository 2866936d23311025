"""Tables that hold repeat groups and the LSH index."""

from __future__ import annotations

import sqlite_utils


def create_repeat_tables(db: sqlite_utils.Database) -> None:
    db["repeat_groups"].create(
        {"id": int, "representative_id": int, "size": int},
        pk="id", foreign_keys=[("representative_id", "paragraphs", "id")], if_not_exists=True,
    )
    db["repeat_members"].create(
        {"paragraph_id": int, "group_id": int, "score": float},
        pk="paragraph_id",
        foreign_keys=[("paragraph_id", "paragraphs", "id"), ("group_id", "repeat_groups", "id")],
        if_not_exists=True,
    )
    db["repeat_members"].create_index(["group_id"], if_not_exists=True)
