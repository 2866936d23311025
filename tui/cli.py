"""The `tearsheet` command: open the reader, or run one of its subcommands for scripts."""

from __future__ import annotations

import argparse
import gc
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store.bundled import seeds_dir
from store.db import StoreError, database_path, default_path, holds_documents, open_db, store_error
from store.figure_sorts import FORMER_SORT_NAMES, SORT_NAMES
from store.queries import document, documents, paragraph_at, paragraphs_of, resolve_doc, search
from store.text import clipped
from tui.words import plural

if TYPE_CHECKING:
    import sqlite_utils

    from store.load import LoadReport

EXIT_OK, EXIT_FAILED = 0, 1
EXIT_INTERRUPTED = 130  # the shell convention for a command stopped by ctrl+c (128 + SIGINT)


def positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tearsheet",
        description="Read a collection of news articles: repeats grouped, figures highlighted, notes exported.",
        epilog="With no command, opens the reader (loading PATHs first; an empty database gets the bundled seeds).",
    )
    db_help = f"SQLite file (default: $TEARSHEET_DB, else {default_path()})"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    # `tearsheet load seeds --db x.db` is as natural to type as `tearsheet --db x.db load seeds`.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[after], **kwargs)

    read = command("read", help="open the reader (the default)", description="Open the reader.")
    read.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to load first")

    load = command("load", help="load article files and folders", description="Load .txt and .md articles, recursively.")
    load.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (none with --refresh-figures alone)")
    load.add_argument("--refresh", action="store_true", help="read every file again, even unchanged ones")
    load.add_argument("--refresh-figures", action="store_true", help="extract figures again for the whole store")
    load.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    load.add_argument("--json", action="store_true", help="print a JSON summary")

    docs = command("docs", help="list documents", description="List documents, newest first.")
    docs.add_argument("--json", action="store_true", help="print a JSON array")
    docs.add_argument("--sort", choices=["date", "outlet", "title", "loaded"], default="date")
    docs.add_argument("--filter", default="", help="words the title, outlet or date must contain")

    show = command("show", help="print one document", description="Print a document's paragraphs, numbered as the reader numbers them.")
    show.add_argument("doc", metavar="DOC", help="numeric id or file name stem")
    show.add_argument("--all", action="store_true", help="include boilerplate and other hidden lines")
    show.add_argument("--json", action="store_true")

    find = command("search", help="full-text search", description="Search every paragraph (SQLite FTS5 syntax).")
    find.add_argument("query", nargs="+", help="words; FTS5 syntax such as \"peace talks\" or Moscow OR Kyiv works; Kyiv finds Kiev too")
    find.add_argument("--limit", type=positive_int, default=50, help="at most this many hits (at least 1)")
    find.add_argument("--json", action="store_true")

    figs = command("figures", help="list or extract figures",
                          description="List stored figures, or extract them from --text.")
    figs.add_argument("doc", nargs="?", metavar="DOC", help="only this document")
    figs.add_argument("--kind", help="number, count, money, percent, quantity, ordinal, duration, date, time, range, set")
    figs.add_argument("--counted", help="words the counted noun phrase contains")
    figs.add_argument("--sort", choices=SORT_NAMES, type=lambda name: FORMER_SORT_NAMES.get(name, name),
                      help="stored figures only (default: document). when: by the date each figure names, earliest "
                           "first, the figures that name none after; published: by the article's date, newest first "
                           "(date, its former name, still works)")
    figs.add_argument("--text", help="extract from this text instead of the store")
    figs.add_argument("--date", help="publication date (YYYY-MM-DD) to resolve --text's dates against")
    figs.add_argument("--json", action="store_true")

    dupes = command("dupes", help="groups of repeated paragraphs",
                           description="Groups of near-duplicate paragraphs, largest first.")
    dupes.add_argument("--threshold", type=float, help="similarity 0-100 a copy needs; a new value regroups and is kept")
    dupes.add_argument("--min-size", type=positive_int, default=2,
                       help="only groups printed in at least this many places, a document's paragraph or its title "
                            "(default 2; 1 adds what is printed in one place only)")
    dupes.add_argument("--limit", type=positive_int, default=None, help="at most this many groups (at least 1)")
    dupes.add_argument("--json", action="store_true")

    tag = command("tag", help="tag a paragraph", description="Tag paragraph PARAGRAPH (its number n) of DOC.")
    tag.add_argument("doc", metavar="DOC")
    tag.add_argument("paragraph", type=int, metavar="PARAGRAPH")
    tag.add_argument("tags", nargs="*", metavar="TAG")
    tag.add_argument("--note", help="set the paragraph's note (an empty string removes it)")
    untag = command("untag", help="remove tags from a paragraph", description="Remove tags from a paragraph.")
    untag.add_argument("doc", metavar="DOC")
    untag.add_argument("paragraph", type=int, metavar="PARAGRAPH")
    untag.add_argument("tags", nargs="+", metavar="TAG")

    export = command("export", help="export tagged and noted paragraphs",
                            description="Export annotations as CSV (default), JSON Lines or Markdown.")
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    export.add_argument("--tag", action="append", default=[], metavar="T", help="only annotations with this tag (repeatable)")
    export.add_argument("--doc", metavar="DOC", help="only this document")
    export.add_argument("--format", choices=["csv", "jsonl", "md"], default="csv")
    export.add_argument("--no-bom", action="store_true", help="no UTF-8 byte order mark (for pipelines)")
    export.add_argument("--raw", action="store_true", help="no ' before cells a spreadsheet would run as formulas")
    return parser


def _split_default_command(argv: list[str], commands: set[str]) -> list[str]:
    """`tearsheet [--db X] [PATH...]` means `tearsheet read [PATH...]`."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--db":
            i += 2
            continue
        if arg.startswith("--db=") or arg in ("-h", "--help"):
            i += 1
            continue
        if arg in commands:
            return argv
        return argv[:i] + ["read"] + argv[i:]
    return argv + ["read"] if not any(a in ("-h", "--help") for a in argv) else argv


CREATING_COMMANDS = frozenset({"read", "load"})
"""Commands that may start a collection; the others only read or annotate one, and a mistyped --db must
not leave an empty database (and its folders) behind."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    args = parser.parse_args(_split_default_command(list(sys.argv[1:] if argv is None else argv), commands))
    path = Path(args.db).expanduser() if args.db else default_path()
    if args.command == "read" and not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Textual reads a closed or piped standard input in a busy loop: the reader would spin, unseen, for ever.
        print("tearsheet: the reader needs a terminal (standard input and output are not one); in a script, use "
              "a command: tearsheet load PATH..., docs, show DOC, search QUERY (tearsheet --help lists them)",
              file=sys.stderr)
        return EXIT_FAILED
    if args.command == "read" and not args.paths and holds_documents(path):
        return _run_reader(path, problems=[])
    if args.command == "figures" and args.text is not None:
        try:
            return _figures_in_text(args)
        except StoreError as exc:
            print(f"tearsheet: {exc}", file=sys.stderr)
            return EXIT_FAILED
    if args.command not in CREATING_COMMANDS and not path.exists():
        print(f"tearsheet: {path}: no collection here yet; load articles into it first: "
              f"tearsheet --db {path} load FOLDER", file=sys.stderr)
        return EXIT_FAILED
    try:
        db = open_db(args.db)
    except StoreError as exc:
        print(f"tearsheet: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        return COMMANDS[args.command](db, args)
    except StoreError as exc:
        print(f"tearsheet: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.OperationalError as exc:
        print(f"tearsheet: {store_error(exc, database_path(db))}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        if sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr)
        print("tearsheet: interrupted; every file stored so far is kept whole, and the same command "
              "loads the rest", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        db.close()


def _print_report(report: "LoadReport", *, quiet: bool, as_json: bool) -> None:
    for problem in report.errors:
        print(f"tearsheet: error: {problem}", file=sys.stderr)
    if as_json:
        print(json.dumps({
            "loaded": report.loaded, "unchanged": report.unchanged, "documents": report.documents,
            "paragraphs": report.paragraphs, "boilerplate": report.boilerplate, "errors": [vars_of(p) for p in report.errors],
            "skipped": [vars_of(p) for p in report.skipped], "empty": [vars_of(p) for p in report.empty],
        }, indent=2))
        return
    if quiet:
        return
    for problem in (*report.skipped, *report.empty):
        print(f"tearsheet: {problem}", file=sys.stderr)
    print(
        f"{len(report.loaded)} loaded ({report.documents} {plural(report.documents, 'document')}, "
        f"{report.paragraphs} {plural(report.paragraphs, 'paragraph')}"
        f"{f', {report.boilerplate} of boilerplate set aside' if report.boilerplate else ''}), "
        f"{len(report.unchanged)} unchanged, {report.skipped_count} skipped, {len(report.errors)} failed"
    )


def vars_of(problem: object) -> dict:
    return {"path": problem.path, "reason": problem.reason}  # type: ignore[attr-defined]


def _progress_line(done: int, total: int, path: str, status: str) -> None:
    """One line, rewritten in place: a long load shows it is moving."""
    if done == total or done % 25 == 0:
        print(f"\r\033[K{done:,}/{total:,} files · {Path(path).name}: {status}"[:120], end="", file=sys.stderr, flush=True)


def _load(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    """Loads the PATHs, then extracts figures again if asked; with --refresh-figures alone, only that."""
    if not args.paths and not args.refresh_figures:
        raise StoreError("load: give the files or folders to load (the bundled seed articles are loaded "
                         "by the reader, when it opens an empty database with no PATH)")
    report = _load_paths(db, args) if args.paths else None
    if args.refresh_figures:
        _refresh_figures(db, args)
    if report is None:
        return EXIT_OK
    _print_report(report, quiet=args.quiet, as_json=args.json)
    return EXIT_OK if report.ok else EXIT_FAILED


def _load_paths(db: sqlite_utils.Database, args: argparse.Namespace) -> "LoadReport":
    from store.load import load_paths

    show = sys.stderr.isatty() and not args.quiet and not args.json
    report = load_paths(db, args.paths, refresh=args.refresh, progress=_progress_line if show else None)
    if show:
        print("\r\033[K", end="", file=sys.stderr)
    return report


def _refresh_figures(db: sqlite_utils.Database, args: argparse.Namespace) -> None:
    from store.load import refresh_figures

    count = refresh_figures(db)
    if args.json and not args.paths:
        print(json.dumps({"figures": count}))
    elif not args.quiet and not args.json:
        print(f"{count} {plural(count, 'figure')} extracted again")


def _docs(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    rows = documents(db, sort=args.sort, text=args.filter, limit=None)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows and args.filter:
        print(f"No documents match {args.filter!r}.", file=sys.stderr)
    elif not rows:
        print("No documents yet. Load some with: tearsheet load PATH", file=sys.stderr)
    for r in rows:
        indent = "  ↳ " if r.parent_id else ""
        print(f"{r.id:>5}  {r.published or '----------'}  {clipped(r.source or '', 18):<18}  {indent}{r.display_title}")
    return EXIT_OK


def _show(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    doc = document(db, resolve_doc(db, args.doc))
    paragraphs = paragraphs_of(db, doc.id, include_hidden=args.all)
    if args.json:
        print(json.dumps({"doc": doc.to_json(), "paragraphs": [{"n": p.n, "kind": p.kind, "text": p.text} for p in paragraphs]},
                         indent=2, ensure_ascii=False))
        return EXIT_OK
    print(doc.display_title)
    print(" · ".join(x for x in (doc.byline, doc.source, doc.published) if x) or "(no outlet or date)")
    print()
    for p in paragraphs:
        label = f"{p.n:>3}" if p.n is not None else "  ·"
        suffix = f"  [{p.kind}]" if p.hidden else ""
        print(f"{label}  {p.text}{suffix}")
    return EXIT_OK


def _search(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    if not " ".join(args.query).strip():
        print("tearsheet: error: nothing to search for: give a word or a phrase", file=sys.stderr)
        return EXIT_FAILED
    hits = search(db, " ".join(args.query), limit=args.limit)
    if args.json:
        print(json.dumps([h.to_json() for h in hits], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not hits:
        print("No matches (titles and body text are searched, not bylines or page furniture).", file=sys.stderr)
    for h in hits:
        print(f"{h.doc_id:>5} ¶{h.n if h.n is not None else '·':<3} {clipped(h.title, 60)}")
        print(f"      {h.marked('[', ']')}")
    return EXIT_OK


def _read(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    report = None
    empty = not db.execute("select 1 from documents limit 1").fetchone()
    if args.paths or empty:
        # Loading (figures, repeats) is imported only when there is something to load: start-up stays light.
        from store.load import load_paths

        show = sys.stderr.isatty()
        report = load_paths(db, args.paths or [str(seeds_dir())], progress=_progress_line if show else None)
        if show:
            print("\r\033[K", end="", file=sys.stderr)
    problems = [str(problem) for problem in report.errors] if report is not None else []
    skipped = [str(problem) for problem in (*report.skipped, *report.empty)] if report is not None else []
    return _run_reader(db, problems=problems, skipped=skipped)


def _run_reader(db: sqlite_utils.Database | Path, *, problems: list[str], skipped: list[str] = ()) -> int:
    """Run the reader on an open database, or on the path of one that holds documents (opened after the first paint)."""
    # Start-up allocates much and frees little: the collector's passes over it were 20 ms of the first frame.
    # The app turns it back on once that frame is painted.
    gc.disable()
    try:
        from tui.app import TearsheetApp

        app = TearsheetApp(db, load_problems=problems, load_skipped=list(skipped))
        app.run()
    finally:
        gc.enable()
    if app.store_error:
        print(f"tearsheet: {app.store_error}", file=sys.stderr)
        return EXIT_FAILED
    # Repeated after the app has given the terminal back, where they stay readable.
    for note in skipped:
        print(f"tearsheet: {note}", file=sys.stderr)
    for problem in problems:
        print(f"tearsheet: error: {problem}", file=sys.stderr)
    for lost in app.lost_on_quit:
        print(f"tearsheet: {lost}", file=sys.stderr)
    if app.return_code:
        return app.return_code  # the reader stopped on an error (Textual has printed it)
    return EXIT_OK if not problems and not app.lost_on_quit else EXIT_FAILED


def _check_kind(kind: str | None) -> None:
    from store.figures.model import KINDS

    if kind is not None and kind not in KINDS:
        raise StoreError(f"--kind {kind!r} is not a kind of figure: choose one of {', '.join(KINDS)}")


def _figures_in_text(args: argparse.Namespace) -> int:
    from datetime import date

    from store.prepare import read_as_paragraph
    from store.reading import FigureMark

    _check_kind(args.kind)
    try:
        published = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise StoreError(f"--date {args.date!r}: use YYYY-MM-DD") from None
    if args.doc or args.sort:
        raise StoreError("DOC and --sort are for stored figures: --text lists its figures in the text's order")
    paragraph = read_as_paragraph(args.text, published)
    found = [f for f in paragraph.figures
             if (not args.kind or f.kind == args.kind)
             and (not args.counted or args.counted.casefold() in (f.counted or "").casefold())]
    if args.json:
        print(json.dumps([f.to_dict() for f in found], indent=2, ensure_ascii=False))
        return EXIT_OK
    if paragraph.text != args.text:
        print(f"read as: {paragraph.text}")
    for f in found:
        print(f"{f.start:>4}-{f.end:<4} {f.kind:<9} {f.text:<32} {FigureMark(*f.columns()[:-1]).describe()}")
    return EXIT_OK


def _figures(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    from store.figure_list import figures as figure_rows

    _check_kind(args.kind)

    doc = resolve_doc(db, args.doc) if args.doc else None
    rows = figure_rows(db, doc=doc, kind=args.kind, counted=args.counted, sort=args.sort or "document", limit=None)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    for r in rows:
        f = r.figure
        print(f"{r.doc:>5} ¶{r.paragraph if r.paragraph is not None else '·':<3} {f.kind:<9} {f.text:<32} {f.describe()}")
    return EXIT_OK


def _dupes(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    from store.repeats import groups_by_place, regroup

    if args.threshold is not None:
        if not 0 < args.threshold <= 100:
            raise StoreError("--threshold must be between 0 and 100")
        regroup(db, args.threshold)
    found = groups_by_place(db, min_places=args.min_size, limit=args.limit)
    out = [
        {"group": g.id, "representative": g.representative,
         "members": [{"doc": m.doc_id, "paragraph": m.n, "kind": m.kind, "text": m.text, "score": round(m.score, 1)}
                     for m in g.places]}
        for g in found
    ]
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return EXIT_OK
    for g in out:
        print(f"group {g['group']} · {len(g['members'])} {plural(len(g['members']), 'place')}")
        for m in g["members"]:
            where = f"¶{m['paragraph']}" if m["paragraph"] is not None else m["kind"]
            print(f"  {m['score']:>5.1f}  doc {m['doc']:<5} {where:<6} {clipped(m['text'], 90)}")
    return EXIT_OK


def _tag(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    from store.annotations import tag_by_reference

    if not args.tags and args.note is None:
        raise StoreError("give at least one TAG or --note TEXT")
    with_comma = [t for t in args.tags if "," in t]
    if with_comma:
        raise StoreError(f"tag {with_comma[0]!r}: a tag cannot hold ',' (the reader's tag box separates tags with "
                         "it); give several tags as separate arguments")
    annotation = tag_by_reference(db, args.doc, args.paragraph, args.tags, note=args.note)
    tags = ", ".join(annotation.tags) if annotation and annotation.tags else "no tags"
    print(f"¶{args.paragraph} of {args.doc}: {tags}" + (f"; note: {annotation.note}" if annotation and annotation.note else ""))
    return EXIT_OK


def _untag(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    from store.annotations import untag_by_reference
    from store.annotations.changes import normalise_tags

    missing = _tags_not_on(db, args.doc, args.paragraph, args.tags)
    if missing and len(missing) == len(normalise_tags(args.tags)):
        raise StoreError(f"¶{args.paragraph} of {args.doc} has no tag {_quoted(missing)}: nothing removed")
    annotation = untag_by_reference(db, args.doc, args.paragraph, args.tags)
    left = ", ".join(annotation.tags) if annotation and annotation.tags else "no tags"
    print(f"¶{args.paragraph} of {args.doc}: {left}")
    if missing:
        print(f"tearsheet: ¶{args.paragraph} of {args.doc} had no tag {_quoted(missing)}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _quoted(tags: list[str]) -> str:
    return ", ".join(f"'{t}'" for t in tags)


def _tags_not_on(db: sqlite_utils.Database, doc: str, n: int, tags: list[str]) -> list[str]:
    """The tags (as the store would normalise them) the paragraph itself does not carry."""
    from store.annotations import annotations_of_paragraph
    from store.annotations.changes import normalise_tags

    paragraph = paragraph_at(db, resolve_doc(db, doc), n)
    carried = {t.casefold() for a in annotations_of_paragraph(db, paragraph.id) if not a.is_figure for t in a.tags}
    return [t for t in normalise_tags(tags) if t.casefold() not in carried]


def _export(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    from store.export import export, unknown_tags_said

    if (unknown := unknown_tags_said(db, args.tag or ())) is not None:
        print(f"tearsheet: error: {unknown}", file=sys.stderr)
        return EXIT_FAILED
    doc = resolve_doc(db, args.doc) if args.doc else None
    options = {"fmt": args.format, "tags": args.tag, "doc": doc, "bom": not args.no_bom, "raw": args.raw}
    if args.output:
        count = export(db, args.output, **options)
        print(f"{count} {plural(count, 'annotation')} written to {args.output}" if count else
              f"nothing to export: wrote the header only to {args.output}", file=sys.stderr)
    else:
        stream = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", closefd=False)
        with stream:
            count = export(db, stream, **options)
        if not count:
            print("nothing to export (no tagged or noted paragraphs match)", file=sys.stderr)
    return EXIT_OK


COMMANDS: dict[str, Callable[[sqlite_utils.Database, argparse.Namespace], int]] = {
    "read": _read, "load": _load, "docs": _docs, "show": _show, "search": _search,
    "figures": _figures, "dupes": _dupes, "tag": _tag, "untag": _untag, "export": _export,
}


if __name__ == "__main__":
    raise SystemExit(main())
