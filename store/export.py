"""Annotations out of the store: CSV for spreadsheets, JSON Lines for programs, Markdown for reports."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from store.annotations.compare import changed_since_noted, figure_where_it_stands
from store.annotations.queries import canonical_tag, known_tags, tags_of
from store.db import StoreError
from store.reading import FIGURE_COLUMNS, FigureMark

if TYPE_CHECKING:
    import sqlite_utils

FIELDS = ("tags", "note", "quote", "document", "source", "published", "paragraph", "start", "end", "figures", "path",
          "annotated_at", "orphaned", "former_paragraph", "changed_since_noted", "text_when_noted", "figure_when_noted",
          "author")
FORMATS = ("csv", "jsonl", "md")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
BOM = "\ufeff"
UNTAGGED = "(no tag)"
CSV_BOOLEANS = {True: "yes", False: "no"}


@dataclass(slots=True)
class ExportRow:
    """One annotation as it leaves the store.

    An orphan has no `paragraph` (that number may now belong to another paragraph): `former_paragraph`
    is the one it had. `text_when_noted` is the paragraph's text when the annotation was made, given
    when it has changed since (otherwise it is `quote`'s paragraph as it stands). A tagged figure's `quote`
    is its text where it stands now; `figure_when_noted` is the text it was tagged on, given when an edit
    replaced it (the tag moved to the figure now in its place).
    """

    tags: list[str]
    note: str | None
    quote: str
    document: str
    source: str | None
    published: str | None
    paragraph: int | None
    start: int | None
    end: int | None
    figures: list[FigureMark]
    path: str
    annotated_at: str
    orphaned: bool = False
    former_paragraph: int | None = None
    changed_since_noted: bool = False
    text_when_noted: str = ""
    figure_when_noted: str = ""
    doc_id: int = 0
    paragraph_text: str = ""
    annotation_id: int = 0
    author: str | None = None

    def record(self) -> dict:
        """The row for JSON: a value it does not have is null, as `note` is, not an empty string."""
        return {name: getattr(self, name) for name in FIELDS} | {
            "figures": [f.to_json() for f in self.figures], "text_when_noted": self.text_when_noted or None,
        "figure_when_noted": self.figure_when_noted or None}


@dataclass(slots=True)
class _Selection:
    tags: list[str] = field(default_factory=list)
    doc: int | None = None


def export_rows(db: sqlite_utils.Database, *, tags: Iterable[str] = (), doc: int | None = None) -> list[ExportRow]:
    """Annotations carrying any of `tags` (all when none), of one document or all, in article then reading order."""
    wanted = _wanted_tags(db, tags)
    clauses, args = [], []
    if wanted:
        clauses.append(
            f"a.id in (select annotation_id from annotation_tags where tag in ({','.join('?' * len(wanted))}))"
        )
        args += wanted
    if doc is not None:
        clauses.append("a.doc_id = ?")
        args.append(doc)
    where = f"where {' and '.join(clauses)}" if clauses else ""
    rows = db.execute(
        "select a.id, a.doc_id, a.paragraph_id, p.n, a.anchor_n, a.figure_start, a.figure_end, "
        "a.figure_text, a.note, coalesce(p.text, a.anchor_text, ''), coalesce(d.title, d.stem, ''), d.source, d.author, "
        "d.published, coalesce(s.path, ''), coalesce(a.updated_at, a.created_at, ''), coalesce(a.original_text, '') "
        "from annotations a left join paragraphs p on p.id = a.paragraph_id "
        "left join documents d on d.id = a.doc_id left join sources s on s.id = d.source_id "
        f"{where} order by coalesce(d.published, ''), a.doc_id, a.paragraph_id is null, p.position, a.anchor_n, "
        "a.figure_start is not null, a.figure_start, a.id",
        args,
    ).fetchall()
    tag_lists = tags_of(db, [r[0] for r in rows])
    figures = _figures_of(db, sorted({r[2] for r in rows if r[2] is not None}))
    paragraph_notes = _paragraph_notes(db, sorted({r[2] for r in rows if r[2] is not None and r[7] is not None}))
    out = []
    for (annotation_id, doc_id, paragraph_id, n, former_n, start, end, figure_text, note, text, title, source, author,
         published, path, at, original) in rows:
        orphan = paragraph_id is None
        on_figure = figure_text is not None
        figure_now = figure_where_it_stands(text, start, end, figure_text) if on_figure else None
        out.append(ExportRow(
            tags=tag_lists.get(annotation_id, []),
            note=note if note is not None or not on_figure else paragraph_notes.get(paragraph_id),
            quote=figure_now if on_figure else text,
            document=title, source=source, author=author, published=published, paragraph=n,
            start=start if on_figure else None, end=end if on_figure else None,
            figures=[] if orphan else _within(figures.get(paragraph_id, []), start, end, on_figure),
            path=path, annotated_at=at,
            orphaned=orphan, former_paragraph=former_n if orphan else None,
            changed_since_noted=changed_since_noted(original, text),
            text_when_noted=original if changed_since_noted(original, text) else "",
            figure_when_noted=figure_text if on_figure and changed_since_noted(figure_text, figure_now) else "",
            doc_id=doc_id, paragraph_text=text, annotation_id=annotation_id,
        ))
    return out


def _paragraph_notes(db: sqlite_utils.Database, paragraph_ids: list[int]) -> dict[int, str]:
    """The note on each paragraph, for the figures tagged in it: a figure has no note of its own, and without its
    paragraph's a `--tag` export would leave out what the user wrote about it."""
    notes: dict[int, str] = {}
    for chunk in range(0, len(paragraph_ids), 500):
        ids = paragraph_ids[chunk : chunk + 500]
        notes.update(db.execute(
            f"select paragraph_id, note from annotations where figure_start is null and note is not null "
            f"and paragraph_id in ({','.join('?' * len(ids))})", ids).fetchall())
    return notes


def unknown_tags_said(db: sqlite_utils.Database, tags: Iterable[str]) -> str | None:
    """Why an export of `tags` would miss what was asked for: the tags typed that the collection does not have (a
    typo would otherwise narrow the export without a word); None when it has them all."""
    unknown = [tag for tag in tags if tag.strip() and canonical_tag(db, tag) is None]
    if not unknown:
        return None
    known = known_tags(db, limit=12)
    return (f"no tag {', '.join(f'“{tag}”' for tag in unknown)} in the collection "
            f"({'its tags: ' + ', '.join(known) if known else 'nothing is tagged yet'})")


def _wanted_tags(db: sqlite_utils.Database, tags: Iterable[str]) -> list[str]:
    """The tags asked for as the store spells them: typed in any case, with spaces around or doubled."""
    if isinstance(tags, str):
        tags = [tags]
    return [canonical_tag(db, t) or " ".join(t.split()) for t in tags if t.strip()]


def _figures_of(db: sqlite_utils.Database, paragraph_ids: list[int]) -> dict[int, list[FigureMark]]:
    """Each paragraph's figures, in their order in it."""
    found: dict[int, list[FigureMark]] = {}
    if "figures" not in db.table_names():
        return found
    for i in range(0, len(paragraph_ids), 500):
        chunk = paragraph_ids[i : i + 500]
        for paragraph_id, *columns in db.execute(
            f"select paragraph_id, {FIGURE_COLUMNS} from figures "
            f"where paragraph_id in ({','.join('?' * len(chunk))}) order by paragraph_id, start, id",
            chunk,
        ):
            found.setdefault(paragraph_id, []).append(FigureMark(*columns))
    return found


def _within(figures: list[FigureMark], start: int | None, end: int | None, on_figure: bool) -> list[FigureMark]:
    """A paragraph's figures, or for an annotation on a figure those that overlap it."""
    if not on_figure or start is None or end is None:
        return figures
    return [figure for figure in figures if figure.start < end and figure.end > start]


def export(
    db: sqlite_utils.Database,
    out: TextIO | str | os.PathLike[str],
    *,
    fmt: str = "csv",
    tags: Sequence[str] = (),
    doc: int | None = None,
    bom: bool = True,
    raw: bool = False,
) -> int:
    """Write the annotations to a text stream or a file; the number of annotations written.

    A file is written whole or not at all. `bom` (CSV only) starts the text with a UTF-8 byte order mark
    so spreadsheets read it as UTF-8; `raw` turns off the guard against spreadsheet formulas. A text
    stream should be opened with `newline=""` so the CSV line ends stay CRLF.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise StoreError(f"unknown export format '{fmt}': choose one of {', '.join(FORMATS)}")
    wanted = _wanted_tags(db, tags)
    rows = export_rows(db, tags=wanted, doc=doc)

    def produce(stream: TextIO) -> int:
        if fmt == "csv" and bom:
            stream.write(BOM)
        return writer(stream, rows, _Selection(wanted, doc), raw)

    if isinstance(out, (str, os.PathLike)):
        return _write_file(Path(out).expanduser(), produce)
    return produce(out)


def export_text(
    db: sqlite_utils.Database,
    *,
    fmt: str = "csv",
    tags: Sequence[str] = (),
    doc: int | None = None,
    bom: bool = True,
    raw: bool = False,
) -> str:
    """The export as one string, for handing to the reader's file delivery."""
    buffer = io.StringIO(newline="")
    export(db, buffer, fmt=fmt, tags=tags, doc=doc, bom=bom, raw=raw)
    return buffer.getvalue()


def _write_file(target: Path, produce: Callable[[TextIO], int]) -> int:
    if target.is_dir():
        raise StoreError(f"{target}: is a folder; give the export a file name")
    if not target.parent.exists():
        raise StoreError(f"{target}: cannot write the export (folder {target.parent} does not exist)")
    if not target.parent.is_dir():
        raise StoreError(f"{target}: cannot write the export ({target.parent} is a file, not a folder)")
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise StoreError(f"{target}: cannot write the export ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            count = produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StoreError(f"{target}: cannot write the export ({exc.strerror or exc})") from exc
        raise
    return count


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o644


def guard(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (CWE-1236)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _write_csv(stream: TextIO, rows: list[ExportRow], _selection: _Selection, raw: bool) -> int:
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(FIELDS)
    for row in rows:
        cells = [
            "; ".join(row.tags), row.note or "", row.quote, row.document, row.source or "", row.published or "",
            row.paragraph, row.start, row.end, "; ".join(f.text for f in row.figures), row.path, row.annotated_at,
            CSV_BOOLEANS[row.orphaned], row.former_paragraph, CSV_BOOLEANS[row.changed_since_noted], row.text_when_noted,
            row.figure_when_noted, row.author or "",
        ]
        writer.writerow(["" if c is None else c if raw or not isinstance(c, str) else guard(c) for c in cells])
    return len(rows)


def _write_jsonl(stream: TextIO, rows: list[ExportRow], _selection: _Selection, _raw: bool) -> int:
    for row in rows:
        stream.write(json.dumps(row.record(), ensure_ascii=False) + "\n")
    return len(rows)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


def _write_md(stream: TextIO, rows: list[ExportRow], selection: _Selection, _raw: bool) -> int:
    wanted = [t.casefold() for t in selection.tags]
    heading = "# Annotations" + (f": {', '.join(md_escape(t) for t in selection.tags)}" if selection.tags else "")
    stream.write(heading + "\n")
    if not rows:
        chosen = selection.tags or selection.doc is not None
        stream.write("\nNothing tagged or noted matches.\n" if chosen else "\nNothing is tagged or noted yet.\n")
        return 0
    sections: dict[str, list[ExportRow]] = {}
    for row in rows:
        for tag in row.tags or [UNTAGGED]:
            if not wanted or tag.casefold() in wanted:
                sections.setdefault(tag, []).append(row)
    order = sorted(sections, key=lambda t: (t == UNTAGGED, t.casefold()))
    for tag in order:
        stream.write(f"\n## {md_escape(tag)}\n")
        current_doc = None
        for row in sections[tag]:
            if row.doc_id != current_doc:
                current_doc = row.doc_id
                stream.write(f"\n### {md_escape(row.document)}\n")
            stream.write("\n" + _md_quote(row))
    return len(rows)


def _md_quote(row: ExportRow) -> str:
    body = _md_marked(row)
    where = ", ".join(filter(None, [
        md_escape(f"{row.author}, {row.source}" if row.author and row.source else row.author or row.source or "")
        or None,
        row.published or "undated",
        f"¶{row.paragraph}" if row.paragraph is not None else None,
    ]))
    if row.orphaned:
        was = f", was ¶{row.former_paragraph}" if row.former_paragraph is not None else ""
        where += f" (orphaned: no longer in the article{was})"
    lines = [*_md_block(body), ">", f"> — {where}"]
    out = "\n".join(lines) + "\n" + _md_changed(row)
    if row.note:
        note = md_escape(row.note).splitlines()
        out += "\n" + "  \n".join([f"**Note:** {note[0]}", *note[1:]]) + "\n"
    return out


def _md_marked(row: ExportRow) -> str:
    """The paragraph as it reads now, a tagged figure in bold where it stands now."""
    text = row.paragraph_text
    if row.start is None or row.end is None or not 0 <= row.start < row.end <= len(text):
        return md_escape(row.quote)
    return md_escape(text[: row.start]) + "**" + md_escape(row.quote) + "**" + md_escape(text[row.end :])


def _md_changed(row: ExportRow) -> str:
    """What changed since the annotation was made: the figure it was on, and the paragraph as it read then."""
    was = row.figure_when_noted
    figure = f" (the figure: {md_escape(was)} → {md_escape(row.quote)})" if was else ""
    if row.changed_since_noted:
        original = "\n".join(_md_block(md_escape(row.text_when_noted)))
        return f"\n*Changed since noted{figure}; when noted it read:*\n\n{original}\n"
    return f"\n*Changed since noted{figure}.*\n" if figure else ""


def _md_block(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines() or [""]]


_WRITERS: dict[str, Callable[[TextIO, list[ExportRow], _Selection, bool], int]] = {
    "csv": _write_csv, "jsonl": _write_jsonl, "md": _write_md,
}
