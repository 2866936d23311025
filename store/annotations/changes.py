"""One change to one annotation: tags added or removed, the note set. Written in its own
transaction together with an undo log entry that remembers the annotation before and after."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, TypeVar

from store.annotations.anchor import anchor_of
from store.annotations.queries import Annotation, annotation, canonical_tag
from store.annotations.schema import ensure_annotation_tables
from store.db import ParagraphChanged, StoreError, writing

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")

MAX_TAG_LENGTH = 100
LOG_KEPT = 1000


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def checked(text: str, what: str) -> str:
    """Text the store can hold: refuses lone surrogates (undecodable bytes from a terminal or argv)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise StoreError(f"{what} holds bytes that are not valid UTF-8 (at character {exc.start + 1})") from exc
    return text


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Stripped, inner runs of spaces made one, duplicates (any case) dropped, order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in tags:
        tag = " ".join(checked(str(raw), "a tag").split())
        if not tag:
            continue
        if ";" in tag:
            raise StoreError(f"tag '{tag}': a tag cannot hold ';' (it separates tags in exports)")
        if len(tag) > MAX_TAG_LENGTH:
            raise StoreError(f"tag '{tag[:20]}…': a tag is at most {MAX_TAG_LENGTH} characters")
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return out


def as_shown(
    db: sqlite_utils.Database, paragraph_id: int, shown: str, fn: Callable[..., T], *args: object,
) -> T:
    """`fn(db, paragraph_id, *args)`, in one transaction with a check that the paragraph still reads `shown`.

    A reader shows an article as it was read; a load of its file in another program renews its paragraphs,
    and their ids go to others, so a tag asked for on what the reader showed would land on another text.
    """
    with writing(db):
        row = db.execute("select text from paragraphs where id = ?", [paragraph_id]).fetchone()
        if row is None or row[0] != shown:
            raise ParagraphChanged("the article changed since it was shown: its file was loaded again meanwhile")
        return fn(db, paragraph_id, *args)


def change(
    db: sqlite_utils.Database,
    paragraph_id: int,
    span: Span | None = None,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    note: str | None | _Keep = KEEP,
) -> Annotation | None:
    """Apply one change to the annotation on a paragraph (or on a figure in it); None when nothing is left."""
    adding, removing = normalise_tags(add), normalise_tags(remove)
    if isinstance(note, str):
        checked(note, "the note")
    ensure_annotation_tables(db)
    with writing(db):
        placed = anchor_of(db, paragraph_id)
        if placed is None:
            raise StoreError(f"no paragraph {paragraph_id} in the text of an article (titles, headings and body only)")
        doc_id, anchor = placed
        figure_text = None
        if span is not None:
            if not 0 <= span.start < span.end <= len(anchor.text):
                raise StoreError(f"figure {span.start}–{span.end} is outside paragraph {paragraph_id} (0–{len(anchor.text)})")
            figure_text = anchor.text[span.start : span.end]
        row = db.execute(
            "select id from annotations where paragraph_id = ? and figure_start is ? and figure_end is ? order by id limit 1",
            [paragraph_id, span.start if span else None, span.end if span else None],
        ).fetchone()
        before = snapshot(db, row[0]) if row else None
        tags = list(before["tags"]) if before else []
        folded = {t.casefold() for t in removing}
        tags = [t for t in tags if t.casefold() not in folded]
        present = {t.casefold() for t in tags}
        tags += [_canonical(db, t) for t in adding if t.casefold() not in present]
        old_note = before["note"] if before else None
        new_note = old_note if isinstance(note, _Keep) else (note.rstrip() if note and note.strip() else None)
        if before is not None and tags == before["tags"] and new_note == old_note:
            return annotation(db, before["id"])
        if before is None and not tags and new_note is None:
            return None
        stamp = now()
        if not tags and new_note is None:
            delete(db, before["id"])
            after = None
            annotation_id = before["id"]
        else:
            if before is None:
                annotation_id = db["annotations"].insert({
                    "doc_id": doc_id, "paragraph_id": paragraph_id,
                    "figure_start": span.start if span else None, "figure_end": span.end if span else None,
                    "figure_text": figure_text, "note": new_note, "original_text": anchor.text,
                    "anchor_text": anchor.text, "anchor_hash": anchor.hash, "anchor_n": anchor.n,
                    "anchor_prev": anchor.prev, "anchor_next": anchor.next, "orphaned": 0,
                    "created_at": stamp, "updated_at": stamp,
                }).last_pk
            else:
                annotation_id = before["id"]
                db.execute("update annotations set note = ?, updated_at = ? where id = ?", [new_note, stamp, annotation_id])
            write_tags(db, annotation_id, tags)
            after = snapshot(db, annotation_id)
        log(db, annotation_id, doc_id, before, after, stamp)
    return annotation(db, annotation_id) if after else None


def _canonical(db: sqlite_utils.Database, tag: str) -> str:
    return canonical_tag(db, tag) or tag


def write_tags(db: sqlite_utils.Database, annotation_id: int, tags: list[str]) -> None:
    current = [r[0] for r in db.execute("select tag from annotation_tags where annotation_id = ? order by rowid", [annotation_id])]
    if current == tags:
        return
    keep = 0
    while keep < min(len(current), len(tags)) and current[keep] == tags[keep]:
        keep += 1
    for tag in current[keep:]:
        db.execute("delete from annotation_tags where annotation_id = ? and tag = ?", [annotation_id, tag])
    db.conn.executemany(
        "insert into annotation_tags (annotation_id, tag) values (?, ?)", [(annotation_id, t) for t in tags[keep:]]
    )


def delete(db: sqlite_utils.Database, annotation_id: int) -> None:
    db.execute("delete from annotation_tags where annotation_id = ?", [annotation_id])
    db.execute("delete from annotations where id = ?", [annotation_id])


def snapshot(db: sqlite_utils.Database, annotation_id: int) -> dict | None:
    cursor = db.execute("select * from annotations where id = ?", [annotation_id])
    row = cursor.fetchone()
    if row is None:
        return None
    state = dict(zip([c[0] for c in cursor.description], row))
    state["tags"] = [r[0] for r in db.execute(
        "select tag from annotation_tags where annotation_id = ? order by rowid", [annotation_id]
    )]
    return state


def log(db: sqlite_utils.Database, annotation_id: int, doc_id: int, before: dict | None, after: dict | None, stamp: str) -> None:
    db.execute(
        "insert into annotation_log (at, annotation_id, doc_id, before, after, undone) values (?, ?, ?, ?, ?, 0)",
        [stamp, annotation_id, doc_id, _dump(before), _dump(after)],
    )
    db.execute(
        "delete from annotation_log where id <= (select max(id) from annotation_log) - ?", [LOG_KEPT]
    )


def _dump(state: dict | None) -> str | None:
    return None if state is None else json.dumps(state, ensure_ascii=False)
