"""Opening a very long article (a live blog of thousands of paragraphs) in the Article screen, beside the seeds.

Run from the repository root:  python -m bench.long_article_bench [--paragraphs 1000,4000,12000] [--repeats 5] [--profile]

Live blogs of N paragraphs are written in a temporary directory from bench.corpus.news_paragraphs, in the
seeds' live-blog shape (a ` date YYYY-MM-DD ` header glued to the first line, one paragraph a line), and
loaded with store.load.load_paths into a temporary database together with the two seed articles, the
baseline. Each article is measured in a process of its own (so its peak RSS is its own), one fresh
TearsheetApp under App.run_test at 120×35 per repeat, each on a fresh copy of the database (so every
opening is a first reading: unread, no saved position). In each app a warm-up opening of a seed builds the
Article screen and goes back to the library; after a collection (the reader's own idle collection would
have run by then), app.open_article(doc_id) reopens that screen on the article, as every opening but the
reader's first does, and is timed to the first painted frame showing the article's paragraphs
(bench.app_bench.PaintWatch). Then keys, each posted as the terminal driver posts it and timed to the first
frame painted with its result: j, G (last paragraph scrolled into view), g, p (figures panel shown and
listed) and x (next figure chosen and highlighted in the panel). A frame shows a result only once its
lists have wrapped their options at the widths they have in it (p narrows the paragraphs, which wrap again
a frame later). After each app the opening's own work is timed alone: store.reading.article_data, the
paragraphs' visuals, their heights at the list's width. --profile runs the largest article's opening and
keys again under cProfile and prints where the time goes. Last, the largest live blog is edited as between
two scrapes (a new entry on top, one entry corrected) and loaded again into copies of the database, once as
`tearsheet load` does (its unchanged paragraphs keep their figures) and once with --refresh, the baseline.
Targets: opening an ordinary article (the seeds) under 50 ms, the reader's target in bench.app_bench;
the long articles are reported, not failed.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.app_bench import ACTION_TARGET_MS, SIZE, Driver, PaintWatch, child_env, median, p95, profile_text
from bench.load_bench import peak_rss_mb, table

if TYPE_CHECKING:
    import sqlite_utils
    from textual.app import App
    from textual.widgets import OptionList

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_LIVE_BLOG = SEEDS / "000_f7ba2992e29d3270.txt"
SEED_AGGREGATOR = SEEDS / "003_7f94f20fc10e6d5d.txt"
LIVE_BLOG_DAY = "2025-05-11"
DEFAULT_PARAGRAPHS = (1000, 4000, 12000)
OPEN_TIMEOUT_S = 120.0
KEYS = ("j", "G", "g", "p", "x")
PARTS = ("article_data", "visuals", "heights")


@dataclass(frozen=True)
class Article:
    label: str
    path: Path
    doc_id: int
    shown: int
    figures: int
    megabytes: float
    baseline: bool = False

    @property
    def is_seed(self) -> bool:
        return self.path.parent == SEEDS


@dataclass
class Opening:
    open_ms: float
    keys: dict[str, float | None]
    parts: dict[str, float] = field(default_factory=dict)


@dataclass
class Measured:
    openings: list[Opening] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    profile: str = ""

    def open_ms(self) -> list[float]:
        return [o.open_ms for o in self.openings]

    def key_ms(self, key: str) -> list[float]:
        return [ms for o in self.openings if (ms := o.keys.get(key)) is not None]

    def key_timeouts(self, key: str) -> int:
        return sum(o.keys.get(key) is None for o in self.openings)

    def part_ms(self, part: str) -> float:
        return median([o.parts[part] for o in self.openings])


# -- the articles -----------------------------------------------------------------------------------


def live_blog_text(paragraphs: Sequence[str], day: str = LIVE_BLOG_DAY) -> str:
    return "\n".join([f" date {day} {paragraphs[0]}", *paragraphs[1:]]) + "\n"


def write_live_blogs(directory: Path, sizes: Sequence[int], seed: int) -> dict[int, Path]:
    from bench.corpus import news_paragraphs

    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    for n in sizes:
        path = directory / f"live_blog_{n:06d}.txt"
        path.write_text(live_blog_text(news_paragraphs(n, seed=seed + n)), encoding="utf-8")
        written[n] = path
    return written


def main_document(db: sqlite_utils.Database, path: Path) -> int:
    row = db.execute("select d.id from documents d join sources s on s.id = d.source_id "
                     "where s.path = ? order by d.part limit 1", [str(path.resolve())]).fetchone()
    if row is None:
        raise SystemExit(f"{path}: not loaded")
    return row[0]


def describe_article(db: sqlite_utils.Database, label: str, path: Path, baseline: bool = False) -> Article:
    from store.reading import article_data

    doc_id = main_document(db, path)
    data = article_data(db, doc_id)
    return Article(label, path, doc_id, shown=sum(not view.hidden for view in data.paragraphs),
                   figures=sum(len(view.figures) for view in data.paragraphs),
                   megabytes=path.stat().st_size / 1e6, baseline=baseline)


def build(work: Path, sizes: Sequence[int], seed: int) -> tuple[Path, list[Article], float]:
    """The database holding the seeds and the live blogs, its articles, and the seconds load_paths took."""
    from store.db import open_db
    from store.load import load_paths

    blogs = write_live_blogs(work / "articles", sizes, seed)
    db_path = work / "long.db"
    db = open_db(db_path)
    started = time.perf_counter()
    report = load_paths(db, [SEED_LIVE_BLOG, SEED_AGGREGATOR, *blogs.values()])
    seconds = time.perf_counter() - started
    if not report.ok:
        raise SystemExit(f"load failed: {report.errors[:3]}")
    articles = [describe_article(db, "seed live blog", SEED_LIVE_BLOG, baseline=True),
                describe_article(db, "seed aggregator page", SEED_AGGREGATOR)]
    articles += [describe_article(db, f"live blog, {n:,} ¶", path) for n, path in blogs.items()]
    db.conn.close()
    return db_path, articles, seconds


@dataclass
class Reload:
    paragraphs: int
    kept_s: float
    """Loading the edited live blog again, its unchanged paragraphs keeping their figures."""
    refresh_s: float
    """The same, every paragraph read and searched again (`load --refresh`): the baseline."""


def measure_reload(db_path: Path, path: Path, paragraphs: int, work: Path) -> Reload:
    """The largest live blog edited as a live blog is between two scrapes (a new entry on top, one entry
    corrected), then loaded again into copies of the database, with and without `--refresh`."""
    from store.db import open_db
    from store.load import load_paths

    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    lines[3] = lines[3].replace(" the ", " THE ", 1)
    lines.insert(1, "Update: air defences downed 14 drones over the region overnight, the governor said.")
    path.write_text("\n".join(lines), encoding="utf-8")
    seconds = []
    try:
        for refresh in (False, True):
            db = open_db(fresh_copy(db_path, work / "reload.db"))
            started = time.perf_counter()
            report = load_paths(db, [path], refresh=refresh)
            seconds.append(time.perf_counter() - started)
            db.conn.close()
            if not report.ok or len(report.loaded) != 1:
                raise SystemExit(f"reload failed: {report.errors[:3]}")
    finally:
        path.write_text(original, encoding="utf-8")
    return Reload(paragraphs, *seconds)


def fresh_copy(source: Path, target: Path) -> Path:
    for stale in target.parent.glob(f"{target.name}*"):
        stale.unlink()
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


# -- one article in the app (child process) -------------------------------------------------------


def library_rows(app: App[Any]) -> Callable[[], bool]:
    from tui.screens.library import LibraryScreen

    return lambda: (isinstance(app.screen, LibraryScreen) and bool(app.screen.rows)
                    and app.screen.query_one("#documents").row_count > 0)


def laid_out(options: OptionList) -> bool:
    """Its options measured at the width it has now, with its scrollbar shown or not as their height asks.

    A frame can show a list before it is: the paragraphs narrowed by the figures panel keep their old line
    breaks until the list handles its Resize, and a list whose scrollbar appears wraps again at the width
    the scrollbar leaves.
    """
    from textual import events

    region = options.scrollable_content_region
    resize_pending = any(isinstance(message, events.Resize) for message in options._message_queue.values)
    return (not resize_pending
            and options.virtual_size.width == region.width - options._get_left_gutter_width()
            and options.show_vertical_scrollbar == (options.virtual_size.height > region.height))


def article_shown(app: App[Any], doc_id: int) -> Callable[[], bool]:
    from tui.screens.article import ArticleScreen, ParagraphList

    def shown() -> bool:
        screen = app.screen
        if not (isinstance(screen, ArticleScreen) and screen.doc_id == doc_id and screen.data is not None
                and screen.data.doc.id == doc_id):
            return False
        paragraphs = screen.query_one(ParagraphList)
        return paragraphs.option_count == len(screen.shown) > 0 and laid_out(paragraphs)
    return shown


async def open_and_wait(app: App[Any], watch: PaintWatch, doc_id: int) -> float:
    """Milliseconds from app.open_article to the first frame painted showing the article."""
    painted = watch.expect(article_shown(app, doc_id))
    started = time.perf_counter()
    app.open_article(doc_id)
    return (await asyncio.wait_for(painted, OPEN_TIMEOUT_S) - started) * 1000


def option_width(options: OptionList) -> int:
    """The width OptionList measures each option's height at."""
    padding = options.get_component_styles("option-list--option").padding
    return options.scrollable_content_region.width - options._get_left_gutter_width() - padding.width


async def press_keys(app: App[Any], drive: Driver) -> dict[str, float | None]:
    from tui.screens.article import ArticleScreen, ParagraphList
    from tui.widgets.figures_panel import FiguresPanel

    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    paragraphs = screen.query_one(ParagraphList)
    panel = screen.query_one(FiguresPanel)
    here = paragraphs.highlighted or 0
    last = paragraphs.option_count - 1
    conditions: dict[str, Callable[[], bool]] = {
        "j": lambda: paragraphs.highlighted == min(here + 1, last),
        "G": lambda: paragraphs.highlighted == last and paragraphs.scroll_y == paragraphs.max_scroll_y,
        "g": lambda: paragraphs.highlighted == 0 and paragraphs.scroll_y == 0,
        "p": lambda: (panel.display and panel.has_focus and panel.option_count == max(1, len(panel.keys))
                      and laid_out(panel)),
        "x": lambda: not panel.keys or (screen.current_figure is not None
                                        and panel.highlighted == panel.keys.index(screen.current_figure)),
    }

    def settled(condition: Callable[[], bool]) -> Callable[[], bool]:
        return lambda: condition() and laid_out(paragraphs)

    times: dict[str, float | None] = {}
    for key in KEYS:
        times[key] = await drive.key(key, key, settled(conditions[key]))
        await drive.settle()
    return times


def opening_parts(db_path: Path, doc_id: int, width: int) -> dict[str, float]:
    """The opening's own work done alone, without the app or the cycle collector: reading the article from the
    store, building each shown paragraph's visual, and measuring its height at the paragraph list's width."""
    from textual.css.styles import RulesMap

    from store.db import open_db
    from store.reading import article_data
    from tui.widgets.paragraph import paragraph_visual

    db = open_db(db_path)
    gc.disable()
    try:
        started = time.perf_counter()
        data = article_data(db, doc_id)
        read = time.perf_counter()
        visuals = [paragraph_visual(view) for view in data.paragraphs if not view.hidden]
        built = time.perf_counter()
        rules = RulesMap()
        for visual in visuals:
            visual.get_height(rules, width)
        measured = time.perf_counter()
    finally:
        gc.enable()
        db.conn.close()
    return {"article_data": (read - started) * 1000, "visuals": (built - read) * 1000,
            "heights": (measured - built) * 1000}


async def one_opening(db_path: Path, doc_id: int, warm_id: int, profile: bool) -> tuple[Opening, int, str]:
    """A fresh app: warm-up opening and back, then the timed opening of `doc_id` and its keys; also the width
    its paragraphs were measured at."""
    import cProfile

    from tui.app import TearsheetApp
    from tui.screens.article import ParagraphList

    app = TearsheetApp(db_path, resume=False)
    watch = PaintWatch(app)
    async with app.run_test(size=SIZE) as pilot:
        drive = Driver(app, watch, profile)
        await asyncio.wait_for(watch.expect(library_rows(app)), OPEN_TIMEOUT_S)
        await drive.settle()
        library = app.screen
        await open_and_wait(app, watch, warm_id)
        await drive.settle()
        await drive.key(None, "escape", lambda: app.screen is library)
        await drive.settle()
        gc.collect()
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        open_ms = await open_and_wait(app, watch, doc_id)
        if profiler:
            profiler.disable()
        await drive.settle()
        width = option_width(app.screen.query_one(ParagraphList))
        keys = await press_keys(app, drive)
        await pilot.pause()
    text = ""
    if profiler:
        text = f"=== opening: {open_ms:.0f} ms under the profiler ===\n" + profile_text(profiler, 15, 30)
        for key, key_profiler in drive.profiles.items():
            ms = keys.get(key)
            if ms is not None and ms >= ACTION_TARGET_MS:
                text += f"\n=== key {key}: {ms:.0f} ms under the profiler ===\n" + profile_text(key_profiler, 12, 20)
    return Opening(open_ms, keys), width, text


def release_app() -> None:
    """The reader freezes what exists after its first frame; a finished app's objects are let go for the next."""
    gc.unfreeze()
    gc.collect()


def child_main(db: Path, doc_id: int, warm_id: int, repeats: int, profile: bool) -> int:
    measured = Measured()
    for _ in range(repeats):
        copy = fresh_copy(db, db.with_name(f"app-{os.getpid()}.db"))
        opening, width, text = asyncio.run(one_opening(copy, doc_id, warm_id, profile))
        release_app()
        opening.parts = opening_parts(copy, doc_id, width)
        measured.openings.append(opening)
        measured.profile = measured.profile or text
    measured.peak_rss_mb = peak_rss_mb()
    print(json.dumps(asdict(measured)))
    return 0


def measure(db: Path, article: Article, warm_id: int, repeats: int, work: Path, profile: bool = False) -> Measured:
    args = [sys.executable, "-m", "bench.long_article_bench", "--child", "--db", str(db), "--doc", str(article.doc_id),
            "--warm", str(warm_id), "--repeats", str(repeats), *(["--profile"] if profile else [])]
    done = subprocess.run(args, cwd=ROOT, env=child_env(work), capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"{article.label}: the app session failed:\n{done.stderr[-4000:]}")
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    return Measured([Opening(**o) for o in raw["openings"]], raw["peak_rss_mb"], raw["profile"])


# -- report -----------------------------------------------------------------------------------------


def ms_cell(values: list[float], timeouts: int = 0) -> str:
    cell = f"{median(values):.0f}" if values else "–"
    return cell + (f" ({timeouts} t/o)" if timeouts else "")


def row(article: Article, result: Measured, baseline_ms: float) -> list[str]:
    opens = result.open_ms()
    return [article.label, f"{article.shown:,}", f"{article.figures:,}", f"{article.megabytes:.2f}",
            f"{median(opens):.0f}", f"{p95(opens):.0f}", f"{median(opens) / article.shown * 1000:.0f}",
            *(ms_cell(result.key_ms(k), result.key_timeouts(k)) for k in KEYS),
            times(median(opens) / baseline_ms), f"{result.peak_rss_mb:.0f}"]


def times(ratio: float) -> str:
    return f"{ratio:.1f}×" if ratio < 10 else f"{ratio:,.0f}×"


def parts_row(article: Article, result: Measured) -> list[str]:
    parts = [result.part_ms(part) for part in PARTS]
    opened = median(result.open_ms())
    return [article.label, *(f"{ms:.0f}" for ms in parts), f"{sum(parts):.0f}", f"{opened:.0f}",
            f"{opened - sum(parts):.0f}"]


def growth(results: list[tuple[Article, Measured]]) -> str:
    longs = [(a, m) for a, m in results if not a.is_seed]
    if len(longs) < 2:
        return ""
    (small, small_m), (large, large_m) = longs[0], longs[-1]
    extra = (median(large_m.open_ms()) - median(small_m.open_ms())) / (large.shown - small.shown) * 1000
    scale = median(large_m.open_ms()) / median(small_m.open_ms())
    return (f"  from {small.shown:,} to {large.shown:,} paragraphs ({large.shown / small.shown:.1f}× as many) the "
            f"opening takes {scale:.1f}× as long: {extra:.0f} ms for each further 1,000 paragraphs")


def open_verdict(med: float, high: float) -> str:
    if med >= ACTION_TARGET_MS:
        return "MISS"
    return "MISS at p95" if high >= ACTION_TARGET_MS else "PASS"


def report(articles: list[Article], results: list[Measured], repeats: int, load_s: float, reload: Reload) -> str:
    import textual

    baseline = next(m for a, m in zip(articles, results) if a.baseline)
    baseline_ms = median(baseline.open_ms())
    pairs = list(zip(articles, results))
    ordinary = [(a, m) for a, m in pairs if a.is_seed]
    out = [
        "tearsheet long-article benchmark",
        f"  Python {platform.python_version()} · Textual {textual.__version__} · SQLite {sqlite3.sqlite_version} · "
        f"{os.cpu_count()} CPUs · {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"  articles: the two seeds and live blogs from bench.corpus.news_paragraphs, loaded by load_paths in "
        f"{load_s:.1f} s",
        f"  each article: its own process, {repeats} fresh apps at {SIZE[0]}×{SIZE[1]} on fresh copies of the "
        "database; the Article screen built by a warm-up opening, then reopened on the article",
        "  open: app.open_article → first frame painted with its paragraphs; keys: posted → first frame painted "
        "with their result",
        "",
        table(["article", "¶ shown", "figures", "MB", "open ms", "p95", "ms/1000 ¶", *(f"{k} ms" for k in KEYS),
               "× seed", "peak RSS MB"],
              [row(a, m, baseline_ms) for a, m in pairs]),
        f"  medians of {repeats}; p95 by nearest rank (the slowest, for up to 11 repeats); × seed: open against the "
        f"seed live blog's {baseline_ms:.0f} ms; peak RSS: the article's process (VmHWM), all its apps",
    ]
    if line := growth(pairs):
        out.append(line)
    out += [
        "",
        "the opening's own work alone, medians (no app, collector off, in the same process after each app):",
        "  reading the article (store.reading.article_data), building the shown paragraphs' visuals",
        "  (tui.widgets.paragraph.paragraph_visual), measuring their heights at the paragraph list's width",
        table(["article", "article_data ms", "visuals ms", "heights ms", "sum ms", "open ms", "rest ms"],
              [parts_row(a, m) for a, m in pairs]),
        "  rest: what the opening costs beyond those three (Textual's screen switch, layout and painted frame, "
        "the collector's passes)",
        "",
    ]
    for article, result in ordinary:
        med, high = median(result.open_ms()), p95(result.open_ms())
        out.append(f"target: {article.label} opens in {med:.0f} ms (p95 {high:.0f}), under {ACTION_TARGET_MS:.0f} ms: "
                   f"{open_verdict(med, high)}")
    out.append("long articles: reported, not held to a target")
    out += [
        "",
        f"reloading the {reload.paragraphs:,}-¶ live blog after a new entry on top and one entry corrected: "
        f"{reload.kept_s:.2f} s, unchanged paragraphs keeping their figures; {reload.refresh_s:.2f} s with --refresh "
        f"(every paragraph searched again), × {reload.refresh_s / reload.kept_s:.1f}",
    ]
    return "\n".join(out)


def parse_sizes(text: str) -> list[int]:
    return sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.long_article_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=parse_sizes, default=list(DEFAULT_PARAGRAPHS),
                        help="live blog sizes, comma-separated (1000,4000,12000)")
    parser.add_argument("--repeats", type=int, default=5, help="fresh apps per article (5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="profile the largest article's opening and keys")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--doc", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--warm", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.db, args.doc, args.warm, args.repeats, args.profile)
    with tempfile.TemporaryDirectory(prefix="tearsheet-long-") as tmp:
        work = Path(tmp)
        print(f"writing and loading live blogs of {', '.join(f'{n:,}' for n in args.paragraphs)} paragraphs…",
              flush=True)
        db_path, articles, load_s = build(work, args.paragraphs, args.seed)
        largest = max(args.paragraphs)
        print(f"reloading the {largest:,}-¶ live blog, edited…", flush=True)
        reload = measure_reload(db_path, work / "articles" / f"live_blog_{largest:06d}.txt", largest, work)
        warm = {a.path: a.doc_id for a in articles if a.is_seed}
        results = []
        for article in articles:
            print(f"  {article.label}: {args.repeats} apps…", flush=True)
            warm_id = warm[SEED_AGGREGATOR] if article.path != SEED_AGGREGATOR else warm[SEED_LIVE_BLOG]
            results.append(measure(db_path, article, warm_id, args.repeats, work))
        print()
        print(report(articles, results, args.repeats, load_s, reload))
        if args.profile:
            largest = articles[-1]
            print(f"\nprofiling {largest.label} (cProfile; times under the profiler are inflated)…\n", flush=True)
            print(measure(db_path, largest, warm[SEED_AGGREGATOR], 1, work, profile=True).profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
