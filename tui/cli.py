"""The `tearsheet` command: open the reader, or run one of its subcommands for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlite_utils

from store.bundled import seeds_dir
from store.db import StoreError, default_path, open_db
from store.load import LoadReport, load_paths, refresh_figures
from store.queries import document, documents, paragraphs_of, resolve_doc, search

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tearsheet",
        description="Read a collection of news articles: repeats grouped, figures highlighted, notes exported.",
        epilog="With no command, opens the reader (loading PATHs first; an empty database gets the bundled seeds).",
    )
    parser.add_argument("--db", metavar="PATH", help=f"SQLite file (default: $TEARSHEET_DB, else {default_path()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = sub.add_parser("read", help="open the reader (the default)", description="Open the reader.")
    read.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to load first")

    load = sub.add_parser("load", help="load article files and folders", description="Load .txt and .md articles, recursively.")
    load.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled seeds)")
    load.add_argument("--refresh", action="store_true", help="read every file again, even unchanged ones")
    load.add_argument("--refresh-figures", action="store_true", help="extract figures again for the whole store")
    load.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    load.add_argument("--json", action="store_true", help="print a JSON summary")

    docs = sub.add_parser("docs", help="list documents", description="List documents, newest first.")
    docs.add_argument("--json", action="store_true", help="print a JSON array")
    docs.add_argument("--sort", choices=["date", "outlet", "title", "loaded"], default="date")
    docs.add_argument("--filter", default="", help="words the title, outlet or date must contain")

    show = sub.add_parser("show", help="print one document", description="Print a document's paragraphs, numbered as the reader numbers them.")
    show.add_argument("doc", metavar="DOC", help="numeric id or file name stem")
    show.add_argument("--all", action="store_true", help="include boilerplate and other hidden lines")
    show.add_argument("--json", action="store_true")

    find = sub.add_parser("search", help="full-text search", description="Search every paragraph (SQLite FTS5 syntax).")
    find.add_argument("query", nargs="+", help="words; FTS5 syntax such as \"peace talks\" or Kiev OR Kyiv works")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--json", action="store_true")

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


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    args = parser.parse_args(_split_default_command(list(sys.argv[1:] if argv is None else argv), commands))
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
    except BrokenPipeError:
        return EXIT_OK
    finally:
        db.close()


def _print_report(report: LoadReport, *, quiet: bool, as_json: bool) -> None:
    for problem in report.errors:
        print(f"tearsheet: error: {problem}", file=sys.stderr)
    if as_json:
        print(json.dumps({
            "loaded": report.loaded, "unchanged": report.unchanged, "documents": report.documents,
            "paragraphs": report.paragraphs, "errors": [vars_of(p) for p in report.errors],
            "skipped": [vars_of(p) for p in report.skipped],
        }, indent=2))
        return
    if quiet:
        return
    for problem in report.skipped:
        print(f"tearsheet: {problem}", file=sys.stderr)
    print(
        f"{len(report.loaded)} loaded ({report.documents} documents, {report.paragraphs} paragraphs), "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped, {len(report.errors)} failed"
    )


def vars_of(problem: object) -> dict:
    return {"path": problem.path, "reason": problem.reason}  # type: ignore[attr-defined]


def _load(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    paths = args.paths or [str(seeds_dir())]
    report = load_paths(db, paths, refresh=args.refresh)
    if args.refresh_figures:
        count = refresh_figures(db)
        if not args.quiet and not args.json:
            print(f"{count} figures extracted again")
    _print_report(report, quiet=args.quiet, as_json=args.json)
    return EXIT_OK if report.ok else EXIT_FAILED


def _docs(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    rows = documents(db, sort=args.sort, text=args.filter, limit=None)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No documents yet. Load some with: tearsheet load PATH", file=sys.stderr)
    for r in rows:
        indent = "  ↳ " if r.parent_id else ""
        print(f"{r.id:>5}  {r.published or '----------'}  {(r.source or '')[:18]:<18}  {indent}{r.display_title}")
    return EXIT_OK


def _show(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    doc = document(db, resolve_doc(db, args.doc))
    paragraphs = paragraphs_of(db, doc.id, include_hidden=args.all)
    if args.json:
        print(json.dumps({"doc": doc.to_json(), "paragraphs": [{"n": p.n, "kind": p.kind, "text": p.text} for p in paragraphs]},
                         indent=2, ensure_ascii=False))
        return EXIT_OK
    print(doc.display_title)
    print(" · ".join(x for x in (doc.source, doc.published) if x) or "(no outlet or date)")
    print()
    for p in paragraphs:
        label = f"{p.n:>3}" if p.n is not None else "  ·"
        suffix = f"  [{p.kind}]" if p.hidden else ""
        print(f"{label}  {p.text}{suffix}")
    return EXIT_OK


def _search(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    hits = search(db, " ".join(args.query), limit=args.limit)
    if args.json:
        print(json.dumps([h.to_json() for h in hits], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not hits:
        print("No matches.", file=sys.stderr)
    for h in hits:
        print(f"{h.doc_id:>5} ¶{h.n if h.n is not None else '·':<3} {h.title[:60]}")
        print(f"      {h.marked('[', ']')}")
    return EXIT_OK


def _read(db: sqlite_utils.Database, args: argparse.Namespace) -> int:
    from tui.app import TearsheetApp

    report = None
    if args.paths:
        report = load_paths(db, args.paths)
    elif not db.execute("select 1 from documents limit 1").fetchone():
        report = load_paths(db, [str(seeds_dir())])
    if report is not None:
        for problem in report.errors:
            print(f"tearsheet: error: {problem}", file=sys.stderr)
    app = TearsheetApp(db)
    app.run()
    return EXIT_OK if report is None or report.ok else EXIT_FAILED


COMMANDS: dict[str, Callable[[sqlite_utils.Database, argparse.Namespace], int]] = {
    "read": _read, "load": _load, "docs": _docs, "show": _show, "search": _search,
}


if __name__ == "__main__":
    raise SystemExit(main())
