"""Tables that hold repeat groups and the LSH index.

`repeat_members` has a row for every reading paragraph the engine has placed: `group_id` is its group
(a group of one when nothing repeats it), or NULL for page furniture that is never compared.
`repeat_lsh` holds the band keys of group representatives long enough for fuzzy matching, so new
paragraphs are compared only against the index.
"""

from __future__ import annotations

import sqlite_utils


def create_repeat_tables(db: sqlite_utils.Database) -> None:
    db["repeat_groups"].create(
        {"id": int, "representative_id": int, "size": int},
        pk="id", foreign_keys=[("representative_id", "paragraphs", "id")], if_not_exists=True,
    )
    db["repeat_groups"].create_index(["size"], if_not_exists=True)
    db["repeat_groups"].create_index(["representative_id"], if_not_exists=True)
    db["repeat_members"].create(
        {"paragraph_id": int, "group_id": int, "score": float},
        pk="paragraph_id",
        foreign_keys=[("paragraph_id", "paragraphs", "id"), ("group_id", "repeat_groups", "id")],
        if_not_exists=True,
    )
    db["repeat_members"].create_index(["group_id"], if_not_exists=True)
    db.execute(
        "create table if not exists repeat_lsh (key integer not null, paragraph_id integer not null "
        "references paragraphs(id), primary key (key, paragraph_id)) without rowid"
    )
    db.execute("create index if not exists idx_repeat_lsh_paragraph on repeat_lsh (paragraph_id)")
