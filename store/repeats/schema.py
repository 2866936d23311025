"""Tables that hold repeat groups and the LSH index.

`repeat_members` has a row for every reading paragraph the engine has placed: `group_id` is its group
(a group of one when nothing repeats it), or NULL for page furniture that is never compared.
`repeat_lsh` holds the band keys of group representatives long enough for fuzzy matching, so new
paragraphs are compared only against the index. It is clustered on the key alone; `repeat_lsh_keys`
keeps each paragraph's keys packed in one row, which is how its rows are found again to delete them,
and its signature's print (`minhash.pack_prints`), which new paragraphs are checked against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


def index_keys_by_paragraph(db: sqlite_utils.Database) -> None:
    """Schema 2: a second index on repeat_lsh.paragraph_id made every key cost two random B-tree
    inserts (12 s of a 10,000-article load); one packed row per paragraph replaces it."""
    import numpy as np

    db.execute(
        "create table if not exists repeat_lsh_keys (paragraph_id integer primary key references paragraphs(id), "
        "keys blob not null)"
    )
    rows: dict[int, list[int]] = {}
    for key, pid in db.execute("select key, paragraph_id from repeat_lsh"):
        rows.setdefault(pid, []).append(key)
    db.conn.executemany(
        "insert or replace into repeat_lsh_keys (paragraph_id, keys) values (?, ?)",
        ((pid, np.array(keys, dtype=np.int64).tobytes()) for pid, keys in sorted(rows.items())),
    )
    db.execute("drop index if exists idx_repeat_lsh_paragraph")


def store_prints(db: sqlite_utils.Database) -> None:
    """Schema 5: each indexed paragraph's print, so that a later load does not sign it again (2 of the
    15 s of grouping 5,000 articles into a store of 5,000). Rows written before stay NULL and are signed
    when met."""
    if "prints" not in db["repeat_lsh_keys"].columns_dict:
        db.execute("alter table repeat_lsh_keys add column prints blob")
