"""Keep annotations on their paragraphs when an article is loaded again.

An annotation remembers the text it was made on. After a reload it goes back to the paragraph with
the same text (the nearest one if the text repeats), else to the most similar paragraph of the same
article (a fixed typo, a changed word), else it stays as an orphan, listed and never dropped.
"""

from __future__ import annotations

import sqlite_utils
from rapidfuzz import fuzz, process, utils

from store.parse import READING_KINDS

REATTACH_MIN_SCORE = 80.0


def detach(db: sqlite_utils.Database, paragraph_ids: list[int]) -> None:
    """Before paragraphs are deleted: their ids may be reused by the new rows, so let go of them."""
    for chunk in _chunks(paragraph_ids, 500):
        db.execute(
            f"update annotations set paragraph_id = null where paragraph_id in ({','.join('?' * len(chunk))})", chunk
        )


def reanchor_document(db: sqlite_utils.Database, doc_id: int) -> None:
    loose = db.execute(
        "select id, anchor_text, anchor_hash, anchor_n, figure_start, figure_text from annotations "
        "where doc_id = ? and paragraph_id is null",
        [doc_id],
    ).fetchall()
    if not loose:
        return
    paragraphs = db.execute(
        f"select id, n, text, hash from paragraphs where doc_id = ? and kind in ({','.join('?' * len(READING_KINDS))}) "
        "order by position",
        [doc_id, *READING_KINDS],
    ).fetchall()
    texts = [p[2] for p in paragraphs]
    for annotation_id, anchor_text, anchor_hash, anchor_n, figure_start, figure_text in loose:
        target = _same_text(paragraphs, anchor_hash, anchor_n) or _similar_text(paragraphs, texts, anchor_text)
        if target is None:
            db.execute("update annotations set orphaned = 1 where id = ?", [annotation_id])
            continue
        paragraph_id, n, text, digest = target
        start, end = _relocate(text, figure_text, figure_start)
        db.execute(
            "update annotations set paragraph_id = ?, anchor_n = ?, anchor_text = ?, anchor_hash = ?, orphaned = 0, "
            "figure_start = ?, figure_end = ? where id = ?",
            [paragraph_id, n, text, digest, start, end, annotation_id],
        )


def _same_text(paragraphs: list[tuple], anchor_hash: str, anchor_n: int | None) -> tuple | None:
    same = [p for p in paragraphs if p[3] == anchor_hash]
    if not same:
        return None
    return min(same, key=lambda p: abs((p[1] or 0) - (anchor_n or 0)))


def _similar_text(paragraphs: list[tuple], texts: list[str], anchor_text: str) -> tuple | None:
    if not texts or not anchor_text:
        return None
    best = process.extractOne(
        anchor_text, texts, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=REATTACH_MIN_SCORE
    )
    return paragraphs[best[2]] if best else None


def _relocate(text: str, figure_text: str | None, old_start: int | None) -> tuple[int | None, int | None]:
    """The figure's new offsets: the occurrence of its text nearest where it was."""
    if not figure_text:
        return None, None
    found: list[int] = []
    at = text.find(figure_text)
    while at >= 0:
        found.append(at)
        at = text.find(figure_text, at + 1)
    if not found:
        return None, None
    start = min(found, key=lambda s: abs(s - (old_start or 0)))
    return start, start + len(figure_text)


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
