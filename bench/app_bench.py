"""Reader responsiveness on a 10,000-article collection: start-up against a bare Textual app, keys, memory.

Run from the repository root:  python -m bench.app_bench [--db PATH] [--repeats 9] [--profile]

The database is built from bench.corpus.write_corpus and store.load (in a temporary directory, or at
--db PATH when that file does not exist yet, so later runs reuse it); the app works on a copy.
Start-up: each app in a fresh process, from process start (interpreter and imports included) to the
first painted frame, and for tearsheet also to the first frame showing the library's rows. Actions:
keys posted to the running app under Pilot's run_test, each timed to the first frame painted with its
result; the library's `j` is timed both once the library has settled after an article and as the first
key after escape, where Textual's frame pacing (a frame at most every 1/60 s) sets the time. --profile runs the actions again under cProfile and prints where their time goes.
Targets (issue): first screen within 1.5x a bare Textual app's start-up; opening an article, moving the
cursor and searching under 50 ms each; memory under 250 MB.
"""

from __future__ import annotations

import time

ENTERED = time.perf_counter()

import asyncio  # noqa: E402 - start-up children count from ENTERED; Textual imports these anyway
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    import cProfile

    from textual.app import App

ROOT = Path(__file__).resolve().parents[1]

SIZE = (120, 35)
STARTUP_RATIO_TARGET = 1.5
ACTION_TARGET_MS = 50.0
RSS_TARGET_MB = 250.0
TIMEOUT_S = 15.0
SEARCH_WORDS = ("ceasefire", "hostages", "drones", "sanctions", "inflation")
FILTER_WORDS = ("ceasefire", "drones", "kharkiv")
KEY_CHARACTERS = {"enter": "\r", "escape": "\x1b", "slash": "/", "right_square_bracket": "]",
                  "left_square_bracket": "["}
PAINT_METHOD = (
    "headless driver at 120×35; a frame counts as painted when App._display receives a screen update "
    "outside a batch update and it has been rendered to terminal sequences (not written anywhere)"
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class PaintWatch:
    """Sees every frame the app paints and resolves waiters whose condition holds in that frame."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.first_frame: float | None = None
        self.frames = 0
        self._waiting: list[tuple[Callable[[], bool], Callable[[float], None]]] = []
        display = app._display

        def painted(screen: Any, renderable: Any) -> None:
            if renderable is not None and not app._batch_count and app._running:
                self._render(renderable)
                now = time.perf_counter()
                self.frames += 1
                if self.first_frame is None:
                    self.first_frame = now
                self._check(now)
            display(screen, renderable)

        app._display = painted  # type: ignore[method-assign]

    def _render(self, renderable: Any) -> None:
        from textual._compositor import CompositorUpdate

        console = self.app.console
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(console)
        else:
            console._render_buffer(console.render(renderable))

    def _check(self, now: float) -> None:
        still = []
        for condition, then in self._waiting:
            try:
                met = condition()
            except Exception:  # noqa: BLE001 - a screen in transition may not have its widgets yet
                met = False
            if met:
                then(now)
            else:
                still.append((condition, then))
        self._waiting = still

    def when(self, condition: Callable[[], bool], then: Callable[[float], None]) -> None:
        """Call `then` with the paint time of the first frame in which `condition` holds."""
        self._waiting.append((condition, then))

    def expect(self, condition: Callable[[], bool]) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.when(condition, lambda now: future.done() or future.set_result(now))
        return future


# -- start-up ---------------------------------------------------------------------------------------


def child_startup(kind: str, db_path: Path | None, profile: bool) -> dict[str, Any]:
    """Everything from ENTERED on counts: the bare app pays only for what Textual itself imports."""
    entered = ENTERED
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Static

        class BareApp(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("Hello from a bare Textual app.")
                yield Footer()

        imported = time.perf_counter()
        app: App[Any] = BareApp()
        ready: Callable[[], bool] = lambda: True
    else:
        # As the `tearsheet` command starts on a database that holds documents: tui.cli first, the file
        # checked with plain sqlite3, the store opened by the app once its first screen is painted.
        import gc

        import tui.cli  # noqa: F401

        gc.disable()  # as tui.cli._run_reader does until the app's first frame
        from store.db import holds_documents
        from tui.app import TearsheetApp

        imported = time.perf_counter()
        assert db_path is not None and holds_documents(db_path)
        app = TearsheetApp(db_path, resume=False)
        ready = lambda: type(app.screen).__name__ == "LibraryScreen" and bool(app.screen.rows) and \
            app.screen.query_one("#documents").row_count > 0
    watch = PaintWatch(app)
    shown: dict[str, float] = {}

    def painted_ready(now: float) -> None:
        shown["ready"] = now
        if profiler:
            profiler.disable()
        app.exit()

    watch.when(ready, painted_ready)
    app.run(headless=True, size=SIZE)
    return {"entered": entered, "imported": imported, "first_frame": watch.first_frame,
            "ready_frame": shown.get("ready"), "frames": watch.frames, "peak_rss_mb": peak_rss_mb(),
            "profile": profile_text(profiler, 25, 40) if profiler else ""}


def profile_text(profiler: cProfile.Profile, by_self: int, by_cumulative: int) -> str:
    """Top functions by own time and by cumulative time, then tearsheet's own functions (tui/, store/)."""
    import io
    import pstats

    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("tottime").print_stats(by_self)
    stats.sort_stats("cumulative").print_stats(by_cumulative)
    buffer.write("tearsheet's own functions, by cumulative time:\n")
    stats.sort_stats("cumulative").print_stats(r"/(tui|store)/", 15)
    return buffer.getvalue()


@dataclass
class Startup:
    started: list[float] = field(default_factory=list)
    imports: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)


def child_env(work: Path) -> dict[str, str]:
    """Children import as an installed reader would: from bytecode, cached here rather than in the repository."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_bytecode(work: Path) -> None:
    import subprocess

    import rich
    import textual

    packages = [Path(textual.__file__).parent, Path(rich.__file__).parent, ROOT / "tui", ROOT / "store", ROOT / "bench"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "2", *map(str, packages)],
                   env=child_env(work), capture_output=True, check=False)


def run_startup(kind: str, db_path: Path, work: Path, profile: bool = False,
                importtime: bool = False) -> dict[str, Any]:
    import subprocess

    env = child_env(work)
    args = [sys.executable, *(["-X", "importtime"] if importtime else []),
            "-m", "bench.app_bench", "--child", f"startup-{kind}", "--db", str(db_path)]
    if profile:
        args.append("--profile")
    launched = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"start-up of {kind} failed:\n{done.stderr[-4000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["launched"] = launched
    result["importtime"] = done.stderr if importtime else ""
    return result


def import_costs(importtime: str, top: int = 14) -> str:
    """The most expensive imports a start-up made, from `python -X importtime`: module, cumulative ms, depth."""
    rows = []
    for line in importtime.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, cumulative, name = line.split("|", 2)
        own_us = int(head.split(":", 1)[1])
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((int(cumulative), own_us, depth, name.strip()))
    first_level = sorted((r for r in rows if r[2] <= 1), reverse=True)[:top]
    return "\n".join(f"  {cum / 1000:7.1f} ms  (own {own / 1000:5.1f})  {'  ' * depth}{name}"
                     for cum, own, depth, name in first_level)


def measure_startup(db_path: Path, repeats: int, work: Path) -> dict[str, Startup]:
    out = {"bare": Startup(), "tearsheet": Startup()}
    for kind in out:
        run_startup(kind, db_path, work)
    for _ in range(repeats):
        for kind, series in out.items():
            r = run_startup(kind, db_path, work)
            ms = lambda key: (r[key] - r["launched"]) * 1000
            series.started.append(ms("entered"))
            series.imports.append(ms("imported"))
            series.first.append(ms("first_frame"))
            series.ready.append(ms("ready_frame") if r["ready_frame"] else float("nan"))
            series.rss.append(r["peak_rss_mb"])
    return out


# -- actions under Pilot ----------------------------------------------------------------------------


class Driver:
    """Posts keys to the app as the terminal driver would and times each to the frame showing its result."""

    def __init__(self, app: App[Any], watch: PaintWatch, profile: bool) -> None:
        self.app = app
        self.watch = watch
        self.times: dict[str, list[float]] = {}
        self.timeouts: dict[str, int] = {}
        self.profiles: dict[str, cProfile.Profile] = {}
        self.profile = profile

    async def key(self, action: str | None, key: str, condition: Callable[[], bool]) -> float | None:
        import cProfile

        from textual import events

        future = self.watch.expect(condition)
        event = events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None))
        event.set_sender(self.app)
        profiler = self.profiles.setdefault(action, cProfile.Profile()) if self.profile and action else None
        if profiler:
            profiler.enable()
        started = time.perf_counter()
        self.app._driver.send_message(event)
        try:
            painted = await asyncio.wait_for(future, TIMEOUT_S)
        except asyncio.TimeoutError:
            if action:
                self.timeouts[action] = self.timeouts.get(action, 0) + 1
            return None
        finally:
            if profiler:
                profiler.disable()
        ms = (painted - started) * 1000
        if action:
            self.times.setdefault(action, []).append(ms)
        return ms

    async def settle(self) -> None:
        """Let workers finish (a superseded one is cancelled, which is fine) and the app go idle."""
        pending = [worker.wait() for worker in self.app.workers if not worker.is_finished]
        await asyncio.gather(*pending, return_exceptions=True)
        await asyncio.sleep(0.05)


ACTIONS = (
    ("open article (enter)", True),
    ("back to library (escape)", False),
    ("library cursor (j)", True),
    ("library cursor (j) within a frame of escape", False),
    ("article cursor (j)", True),
    ("next article (])", False),
    ("open search (/)", True),
    ("search as you type (key → hits)", True),
    ("library filter as you type (key → rows)", False),
)


async def session(db_path: Path, profile: bool) -> dict[str, Any]:
    from tui.app import TearsheetApp
    from tui.screens.article import ArticleScreen, ParagraphList
    from tui.screens.library import LibraryScreen
    from tui.screens.search import SearchScreen

    app = TearsheetApp(db_path, resume=False)
    watch = PaintWatch(app)
    async with app.run_test(size=SIZE) as pilot:
        drive = Driver(app, watch, profile)

        def library() -> LibraryScreen:
            return next(s for s in app.screen_stack if isinstance(s, LibraryScreen))

        def article_shows(doc_id: int) -> Callable[[], bool]:
            def shown() -> bool:
                screen = app.screen
                return (isinstance(screen, ArticleScreen) and screen.doc_id == doc_id and screen.data is not None
                        and screen.data.doc.id == doc_id
                        and screen.query_one(ParagraphList).option_count == len(screen.shown))
            return shown

        started = time.perf_counter()
        rows_shown = watch.expect(lambda: isinstance(app.screen, LibraryScreen) and bool(app.screen.rows)
                                  and app.screen.query_one("#documents").row_count > 0)
        rows_painted = await asyncio.wait_for(rows_shown, TIMEOUT_S)
        await drive.settle()
        table_rows = library().query_one("#documents").row_count

        for turn in range(30):
            lib = library()
            doc_id = lib.rows[lib.query_one("#documents").cursor_row].id
            await drive.key("open article (enter)", "enter", article_shows(doc_id))
            await drive.settle()
            await drive.key("back to library (escape)", "escape", lambda: app.screen is lib)
            row = lib.query_one("#documents").cursor_row
            # Textual paints a screen at most once a frame (60 a second): a key pressed as the library's first
            # frame is painted waits one to two frame intervals for the next, whatever the key does.
            if turn % 2 == 0:
                await drive.settle()
            action = "library cursor (j)" if turn % 2 == 0 else "library cursor (j) within a frame of escape"
            await drive.key(action, "j", lambda: lib.query_one("#documents").cursor_row == row + 1)
            await drive.settle()

        lib = library()
        await drive.key(None, "enter", lambda: isinstance(app.screen, ArticleScreen))
        await drive.settle()
        moves = 0
        while moves < 50:
            screen = app.screen
            paragraphs = screen.query_one(ParagraphList)
            here = paragraphs.highlighted or 0
            if here + 1 >= paragraphs.option_count:
                target = lib.neighbour(screen.doc_id, 1)
                await drive.key(None, "right_square_bracket", article_shows(target))
                await drive.settle()
                continue
            await drive.key("article cursor (j)", "j", lambda: paragraphs.highlighted == here + 1)
            moves += 1
        await drive.settle()

        for _ in range(30):
            target = lib.neighbour(app.screen.doc_id, 1)
            if target is None:
                break
            await drive.key("next article (])", "right_square_bracket", article_shows(target))
        await drive.settle()

        whole_search: list[float] = []
        for word in SEARCH_WORDS:
            began = time.perf_counter()
            await drive.key("open search (/)", "slash",
                            lambda: isinstance(app.screen, SearchScreen) and app.screen.query_one("#query").has_focus)
            search = app.screen
            for end in range(1, len(word) + 1):
                typed = word[:end]
                await drive.key("search as you type (key → hits)", word[end - 1],
                                lambda: search.query_text == typed)
            whole_search.append((time.perf_counter() - began) * 1000)
            hits = len(search.hits)
            await drive.settle()
            await drive.key(None, "escape", lambda: app.screen is not search)
            await drive.settle()

        await drive.key(None, "L", lambda: app.screen is lib)
        await drive.settle()
        status = lib.query_one("#library-status")
        for word in FILTER_WORDS:
            await drive.key(None, "f", lambda: lib.query_one("#filter").has_focus)
            for end in range(1, len(word) + 1):
                typed = word[:end]
                await drive.key("library filter as you type (key → rows)", word[end - 1],
                                lambda: lib.filter_text == typed and f"“{typed}”" in str(status.content))
            await drive.settle()
            for _ in word:
                await drive.key(None, "backspace", lambda: True)
            await drive.settle()
            await drive.key(None, "escape", lambda: not lib.query_one("#filter").has_focus)
        await drive.settle()
        await pilot.pause()

    profiles = {action: profile_text(profiler, 12, 20) for action, profiler in drive.profiles.items()}
    return {"times": drive.times, "timeouts": drive.timeouts, "rows_painted_ms": (rows_painted - started) * 1000,
            "table_rows": table_rows, "whole_search_ms": whole_search, "last_hits": hits, "frames": watch.frames,
            "peak_rss_mb": peak_rss_mb(), "profiles": profiles, "store": store_calls(db_path)}


def store_calls(db_path: Path) -> dict[str, list[float]]:
    """The queries behind the actions, called directly: what the UI adds is the rest."""
    from store.db import open_db
    from store.queries import count_documents, documents, search
    from store.reading import article_data

    db = open_db(db_path)
    out: dict[str, list[float]] = {}

    def clock(name: str, fn: Callable[[], object]) -> None:
        started = time.perf_counter()
        fn()
        out.setdefault(name, []).append((time.perf_counter() - started) * 1000)

    ids = [row.id for row in documents(db, sort="date", limit=40)]
    for doc_id in ids:
        clock("article_data(doc)", lambda: article_data(db, doc_id))
    for word in SEARCH_WORDS:
        for end in range(1, len(word) + 1):
            clock("search(prefix, limit=200)", lambda: search(db, word[:end], limit=200))
    for word in FILTER_WORDS:
        for end in range(1, len(word) + 1):
            clock("documents(text=prefix, limit=200)", lambda: documents(db, sort="date", text=word[:end], limit=200))
            clock("count_documents(text=prefix)", lambda: count_documents(db, text=word[:end]))
    clock("documents(limit=200) + count", lambda: (documents(db, sort="date", limit=200), count_documents(db)))
    db.conn.close()
    return out


def run_session(db_path: Path, work: Path, profile: bool) -> dict[str, Any]:
    import subprocess

    env = child_env(work)
    args = [sys.executable, "-m", "bench.app_bench", "--child", "session", "--db", str(db_path)]
    if profile:
        args.append("--profile")
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"Pilot session failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the database -----------------------------------------------------------------------------------


def prepare_db(db: Path | None, articles: int, seed: int, work: Path) -> tuple[Path, str]:
    """The database to measure, as a copy the app may write to, and how it came about."""
    import shutil
    import sqlite3

    from bench.load_bench import run_child
    if db is not None and db.exists():
        origin = f"reused {db}"
        source = db
    else:
        from bench.corpus import write_corpus

        source = db if db is not None else work / f"bench-{articles}.db"
        corpus = work / f"corpus-{articles}"
        started = time.perf_counter()
        write_corpus(corpus, articles, seed)
        generated = time.perf_counter() - started
        loaded = run_child("load", corpus, source)
        shutil.rmtree(corpus)
        origin = (f"built from bench.corpus.write_corpus({articles:,}, seed={seed}) in {generated:.1f} s + "
                  f"load_paths in {loaded['seconds']:.1f} s" + (f", kept at {db}" if db is not None else ""))
    copy = work / "app.db"
    with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy, origin


def describe_db(path: Path) -> str:
    import sqlite3

    with sqlite3.connect(path) as conn:
        files = conn.execute("select count(*) from sources").fetchone()[0]
        docs = conn.execute("select count(*) from documents").fetchone()[0]
        paragraphs = conn.execute("select count(*) from paragraphs").fetchone()[0]
    return f"{files:,} article files, {docs:,} documents, {paragraphs:,} paragraphs, {path.stat().st_size / 1e6:.0f} MB"


# -- report -----------------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(origin: str, described: str, startup: dict[str, Startup], result: dict[str, Any]) -> tuple[str, list[str]]:
    import platform
    import sqlite3

    import textual

    from bench.load_bench import table, verdict

    bare, tear = startup["bare"], startup["tearsheet"]
    first_ratio = median(tear.first) / median(bare.first)
    ready_ratio = median(tear.ready) / median(bare.first)
    out = [
        "tearsheet app benchmark",
        f"  Python {platform.python_version()} · Textual {textual.__version__} · SQLite {sqlite3.sqlite_version} · "
        f"{os.cpu_count()} CPUs · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"  database: {described}",
        f"  ({origin}; the app runs on a copy)",
        "",
        f"start-up: process start → frame painted, median of {len(bare.first)} fresh processes each, alternating, "
        "after one warm-up each; bytecode compiled beforehand",
        f"  paint: {PAINT_METHOD}",
        table(
            ["app", "interpreter ms", "+ imports ms", "first frame ms", "min", "max", "library rows ms",
             "peak RSS MB"],
            [
                ["bare App (Header, Static, Footer)", f"{median(bare.started):.0f}", f"{median(bare.imports):.0f}",
                 f"{median(bare.first):.0f}", f"{min(bare.first):.0f}", f"{max(bare.first):.0f}", "–",
                 f"{max(bare.rss):.0f}"],
                ["TearsheetApp(path, resume=False)", f"{median(tear.started):.0f}", f"{median(tear.imports):.0f}",
                 f"{median(tear.first):.0f}", f"{min(tear.first):.0f}", f"{max(tear.first):.0f}",
                 f"{median(tear.ready):.0f}", f"{max(tear.rss):.0f}"],
            ],
        ),
        f"  first frame, tearsheet / bare:                    {first_ratio:.2f}×  target ≤ {STARTUP_RATIO_TARGET}×  "
        f"{verdict(first_ratio <= STARTUP_RATIO_TARGET)}",
        f"  library with its rows painted, tearsheet / bare:  {ready_ratio:.2f}×  (no target: the rows come from a worker "
        "after the first frame, as the issue asks of queries that grow with the collection)",
        "",
        f"actions: Pilot run_test at {SIZE[0]}×{SIZE[1]}; each key is posted as the driver posts it and timed to the "
        "first frame",
        "  painted with its result (so Textual's frame pacing, up to 1/60 s, is included); workers settle between keys",
    ]
    rows = []
    misses: list[str] = []
    extra_misses: list[str] = []
    for action, has_target in ACTIONS:
        values = result["times"].get(action, [])
        timeouts = result["timeouts"].get(action, 0)
        if not values:
            rows.append([action, "0", "–", "–", "–", "", f"no result ({timeouts} timeouts)"])
            misses.append(action)
            continue
        med, high = median(values), p95(values)
        if med >= ACTION_TARGET_MS:
            mark = "MISS"
        elif high >= ACTION_TARGET_MS:
            mark = "MISS at p95"
        else:
            mark = "PASS"
        if timeouts:
            mark += f", {timeouts} timed out"
        if mark != "PASS":
            (misses if has_target else extra_misses).append(action)
        rows.append([action, str(len(values)), f"{med:.1f}", f"{high:.1f}", f"{max(values):.1f}",
                     f"< {ACTION_TARGET_MS:.0f}" + ("" if has_target else "*"), mark])
    out.append(table(["action", "n", "median ms", "p95 ms", "max ms", "target ms", "verdict"], rows))
    out.append("  * not named in the issue's target; held to the same 50 ms")
    searches = result["whole_search_ms"]
    out.append(f"  whole search, / and a word typed to its hits painted: median {median(searches):.0f} ms over "
               f"{len(searches)} words ({', '.join(SEARCH_WORDS)}); last word: {result['last_hits']} hits")
    out.append(f"  library rows first painted {result['rows_painted_ms']:.0f} ms after run_test began "
               f"({result['table_rows']} rows in the table)")
    rss = result["peak_rss_mb"]
    out += [
        "",
        f"memory: peak RSS of the app process (whole Pilot session): {rss:.0f} MB  target < {RSS_TARGET_MB:.0f} MB  "
        f"{verdict(rss < RSS_TARGET_MB)}",
        "",
        "store calls behind the actions, alone (no UI), same database",
        table(["call", "n", "median ms", "p95 ms", "max ms"],
              [[name, str(len(v)), f"{median(v):.1f}", f"{p95(v):.1f}", f"{max(v):.1f}"]
               for name, v in result["store"].items()]),
        "",
    ]
    failed = []
    if first_ratio > STARTUP_RATIO_TARGET:
        failed.append("start-up")
    failed += misses
    if rss >= RSS_TARGET_MB:
        failed.append("memory")
    out.append("issue targets: all PASS" if not failed else "issue targets MISSED: " + "; ".join(failed))
    if extra_misses:
        out.append("  held to 50 ms though the issue does not name them, over it: " + "; ".join(extra_misses)
                   + " (the library filter waits for a 120 ms pause in typing before it queries, on purpose)")
    return "\n".join(out), failed


def child_main(argv: list[str]) -> int:
    """`--child startup-bare|startup-tearsheet|session --db PATH [--profile]`, parsed by hand to import nothing."""
    kind, db = argv[0], Path(argv[argv.index("--db") + 1])
    profile = "--profile" in argv
    if kind.startswith("startup-"):
        result = child_startup(kind.removeprefix("startup-"), db, profile)
    else:
        result = asyncio.run(session(db, profile))
    print(json.dumps(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m bench.app_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="database to measure; built there from the corpus generator when missing")
    parser.add_argument("--articles", type=int, default=10_000, help="size of a database built here (10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=9, help="fresh processes per app for start-up (9)")
    parser.add_argument("--profile", action="store_true", help="also run the actions under cProfile and print it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tearsheet-app-") as tmp:
        work = Path(tmp)
        print("preparing the database…", flush=True)
        db_path, origin = prepare_db(args.db, args.articles, args.seed, work)
        described = describe_db(db_path)
        print("compiling bytecode…", flush=True)
        warm_bytecode(work)
        print(f"start-up, 1 + {args.repeats} × 2 processes…", flush=True)
        startup = measure_startup(db_path, args.repeats, work)
        print("actions under Pilot…", flush=True)
        result = run_session(db_path, work, profile=False)
        print()
        text, missed = report(origin, described, startup, result)
        print(text)
        if args.profile:
            print("\nprofiling (cProfile, main thread; timings under the profiler are inflated)…", flush=True)
            if "start-up" in missed:
                for kind in ("bare", "tearsheet"):
                    print(f"\n=== start-up imports of the {kind} app (python -X importtime; cumulative, "
                          "top-level and first-level modules) ===")
                    print(import_costs(run_startup(kind, db_path, work, importtime=True)["importtime"]))
                print("\n=== start-up of TearsheetApp, process start → library rows painted ===")
                print(run_startup("tearsheet", db_path, work, profile=True)["profile"])
            profiled = run_session(db_path, work, profile=True)
            for action, profile in profiled["profiles"].items():
                if action in missed:
                    print(f"\n=== {action}: totals over its {len(profiled['times'].get(action, []))} keys ===")
                    print(profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
