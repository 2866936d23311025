"""Load speed and memory: articles/s, MB/s and peak RSS for generated corpora, with a raw-insert baseline.

Run from the repository root:  python -m bench.load_bench [--sizes 1000,10000] [--keep DIR]

For each size a corpus is written by bench.corpus.write_corpus (timed apart) and loaded into a fresh
SQLite file in a process of its own, so the peak RSS printed is that size's alone (the main process, and
the largest of the loader's worker processes). The same process times the loader's stages: in the main
process the wall time spent waiting for the workers, on furniture lookups, storing, re-anchoring, storing
figures and grouping repeats; in the workers the CPU time of reading, decoding, parsing and figure
extraction. It then loads the unchanged corpus again. Up to --ablate articles, whole loads without
figures and without grouping check those timers. Another process inserts the same files' lines with
sqlite-utils insert_all and no parsing: the ratio of the two is what reading articles costs over writing
their text. Two more load the corpus in two halves (its month folders), the second into the store holding
the first: a collection growing folder by folder, whose grouping works against the stored index. Memory
counts as flat when each peak grows by at most FLAT_GROWTH from the smallest size to the largest.
Target (issue): 10,000 articles (~50 MB) in under 60 s on this 2-core machine, memory flat in N.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_ARTICLES = 10_000
TARGET_SECONDS = 60.0
FLAT_GROWTH = 1.5
MAIN_STAGES = ("waiting for workers", "furniture SQL", "store", "re-anchoring", "figures store", "repeat grouping")
WORKER_STAGES = ("read+hash", "decode", "parse", "figures extract")


def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM where /proc has it, which starts afresh at exec, unlike ru_maxrss,
    which a child started by subprocess inherits from its parent (the 10,000-article corpus generator here
    held 111 MB, which every child then reported as its own floor)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def article_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".md"))


class StageClock:
    """Wraps store.load's stages in place: main-process seconds summed here, worker seconds logged per file."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(MAIN_STAGES, 0.0)
        self.rss_before_grouping: float | None = None

    def timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started
        return wrapper

    def install(self, worker_log: Path, figures: bool) -> None:
        """Before the loader forks its workers, so they inherit the timed functions."""
        global _WORKER_LOG
        import store.load as load
        import store.prepare as prepare

        _WORKER_LOG = str(worker_log)
        if not figures:
            prepare.extract = lambda text, published=None: []
        prepare.decode = _worker_timed("decode", prepare.decode)
        prepare.parse = _worker_timed("parse", prepare.parse)
        prepare.extract = _worker_timed("figures extract", prepare.extract)
        load.prepare = timed_prepare
        load._insert_figures = self.timed("figures store", load._insert_figures)
        grouping = self.timed("repeat grouping", load.update_repeats)

        def measured_grouping(*args: Any, **kwargs: Any) -> Any:
            # The first load's grouping; the reload that follows groups (nothing) again.
            if self.rss_before_grouping is None:
                self.rss_before_grouping = peak_rss_mb()
            return grouping(*args, **kwargs)

        load.update_repeats = measured_grouping
        load.reanchor_document = self.timed("re-anchoring", load.reanchor_document)
        seen_counter, prepared = load._seen_counter, load._prepared

        def timed_seen_counter(*args: Any) -> Callable[[str], int]:
            return self.timed("furniture SQL", seen_counter(*args))

        def timed_prepared(*args: Any, **kwargs: Any) -> Iterator[Any]:
            results = prepared(*args, **kwargs)
            while True:
                started = time.perf_counter()
                item = next(results, None)
                self.seconds["waiting for workers"] += time.perf_counter() - started
                if item is None:
                    return
                yield item

        load._seen_counter = timed_seen_counter
        load._prepared = timed_prepared

    def split(self, total: float) -> dict[str, float]:
        out = dict(self.seconds)
        out["store"] = total - sum(v for k, v in out.items() if k != "store")
        return out


_WORKER_LOG: str | None = None
_WORKER_SECONDS: dict[str, float] = dict.fromkeys(WORKER_STAGES, 0.0)


def _worker_timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """CPU seconds of the worker process: workers share the cores with the main process, so wall time would
    count their waiting too."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _WORKER_SECONDS[stage] += time.process_time() - started
    return wrapper


def timed_prepare(path: str, known_digest: str | None, db_path: str | None = None) -> Any:
    """store.prepare.prepare, appending this file's stage CPU seconds and the worker's pid to the log."""
    import store.prepare

    before = dict(_WORKER_SECONDS)
    started = time.process_time()
    result = store.prepare.prepare(path, known_digest, db_path)
    total = time.process_time() - started
    stages = [_WORKER_SECONDS[s] - before[s] for s in WORKER_STAGES if s != "read+hash"]
    assert _WORKER_LOG is not None
    with open(_WORKER_LOG, "a", encoding="utf-8") as log:
        log.write(" ".join(map(str, [os.getpid(), total - sum(stages), *stages])) + "\n")
    return result


def worker_split(worker_log: Path) -> tuple[dict[str, float], int]:
    """Seconds per worker stage, summed over workers, and how many processes did the work."""
    totals = dict.fromkeys(WORKER_STAGES, 0.0)
    pids = set()
    if worker_log.exists():
        for line in worker_log.read_text(encoding="utf-8").splitlines():
            pid, *values = line.split()
            pids.add(pid)
            for stage, value in zip(WORKER_STAGES, values):
                totals[stage] += float(value)
    return totals, len(pids)


def child_load(corpus: Path, db_path: Path, variant: str = "full") -> dict[str, Any]:
    """`variant` "no-figures" loads with figure extraction returning nothing, "no-grouping" with group_repeats=False."""
    worker_log = db_path.with_name(db_path.name + ".workers")
    worker_log.unlink(missing_ok=True)
    clock = StageClock()
    clock.install(worker_log, figures=variant != "no-figures")
    from store.db import open_db
    from store.load import load_paths

    imported_rss = peak_rss_mb()
    db = open_db(db_path)
    started = time.perf_counter()
    report = load_paths(db, [corpus], group_repeats=variant != "no-grouping")
    seconds = time.perf_counter() - started
    load_rss = peak_rss_mb()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    workers, worker_count = worker_split(worker_log)
    worker_log.unlink(missing_ok=True)
    started = time.perf_counter()
    again = load_paths(db, [corpus])
    reload_seconds = time.perf_counter() - started
    worker_log.unlink(missing_ok=True)
    db.conn.close()
    return {
        "seconds": seconds,
        "split": clock.split(seconds),
        "workers": workers,
        "worker_count": worker_count,
        "main_cpu": own.ru_utime + own.ru_stime,
        "worker_cpu": children.ru_utime + children.ru_stime,
        "worker_rss_mb": children.ru_maxrss / 1024,
        "files": len(report.loaded),
        "documents": report.documents,
        "paragraphs": report.paragraphs,
        "errors": [str(e) for e in report.errors[:5]],
        "error_count": len(report.errors),
        "import_rss_mb": imported_rss,
        "peak_rss_mb": load_rss,
        "rss_before_grouping_mb": clock.rss_before_grouping,
        "reload_seconds": reload_seconds,
        "reload_unchanged": len(again.unchanged),
        "reload_loaded": len(again.loaded),
        "db_mb": db_path.stat().st_size / 1e6,
    }


def child_raw(corpus: Path, db_path: Path) -> dict[str, Any]:
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    db.enable_wal()
    table = db["lines"]
    started = time.perf_counter()
    lines = 0
    for path in article_files(corpus):
        rows = [{"path": str(path), "n": n, "line": line}
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines())]
        table.insert_all(rows, batch_size=len(rows) + 1)
        lines += len(rows)
    seconds = time.perf_counter() - started
    db.conn.close()
    return {"seconds": seconds, "lines": lines, "peak_rss_mb": peak_rss_mb()}


def child_half(corpus: Path, db_path: Path, second: bool) -> dict[str, Any]:
    """Load the first half of the corpus's month folders, or the second half into the store holding the
    first: what a collection growing by folders costs."""
    import store.load as load
    from store.db import open_db

    months = sorted(p for p in corpus.iterdir() if p.is_dir())
    half = len(months) // 2
    grouping = {"seconds": 0.0}
    group = load.update_repeats

    def timed_grouping(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return group(*args, **kwargs)
        finally:
            grouping["seconds"] += time.perf_counter() - started

    load.update_repeats = timed_grouping
    db = open_db(db_path)
    started = time.perf_counter()
    report = load.load_paths(db, months[half:] if second else months[:half])
    seconds = time.perf_counter() - started
    db.conn.close()
    return {"seconds": seconds, "grouping_seconds": grouping["seconds"], "peak_rss_mb": peak_rss_mb(),
            "files": len(report.loaded), "paragraphs": report.paragraphs, "error_count": len(report.errors)}


def run_child(mode: str, corpus: Path, db_path: Path) -> dict[str, Any]:
    """mode: "load", "load-no-figures", "load-no-grouping" or "raw"."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "bench.load_bench", "--child", mode, "--corpus", str(corpus), "--db", str(db_path)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{mode} run on {corpus} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class SizeResult:
    articles: int
    mb: float
    generate_seconds: float
    load: dict[str, Any]
    raw: dict[str, Any]
    ablated: dict[str, dict[str, Any]]
    into_grouped: dict[str, Any]
    """The second half of the month folders loaded into a store holding the first (`child_half`)."""

    @property
    def rate(self) -> float:
        return self.articles / self.load["seconds"]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: indent + "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(headers), indent + "  ".join("-" * w for w in widths), *map(line, rows)])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def fresh(work: Path, name: str) -> Path:
    for stale in work.glob(f"{name}*"):
        stale.unlink()
    return work / name


def measure(sizes: Sequence[int], work: Path, seed: int, ablate: int) -> list[SizeResult]:
    from bench.corpus import write_corpus

    results = []
    for n in sizes:
        corpus = work / f"corpus-{n}"
        if corpus.exists():
            shutil.rmtree(corpus)
        print(f"  {n:,} articles: writing corpus…", end="", flush=True)
        started = time.perf_counter()
        stats = write_corpus(corpus, n, seed)
        generated = time.perf_counter() - started
        print(f" {generated:.1f} s; loading…", end="", flush=True)
        load = run_child("load", corpus, fresh(work, f"load-{n}.db"))
        print(f" {load['seconds']:.1f} s; raw insert…", end="", flush=True)
        raw = run_child("raw", corpus, fresh(work, f"raw-{n}.db"))
        print(f" {raw['seconds']:.1f} s; in two halves…", end="", flush=True)
        halves = fresh(work, f"halves-{n}.db")
        run_child("first-half", corpus, halves)
        into_grouped = run_child("second-half", corpus, halves)
        print(f" second {into_grouped['seconds']:.1f} s", end="", flush=True)
        ablated = {}
        if n <= ablate:
            for variant in ("no-figures", "no-grouping"):
                print(f"; {variant}…", end="", flush=True)
                ablated[variant] = run_child(f"load-{variant}", corpus, fresh(work, f"{variant}-{n}.db"))
                print(f" {ablated[variant]['seconds']:.1f} s", end="", flush=True)
        print()
        results.append(SizeResult(n, stats.bytes / 1e6, generated, load, raw, ablated, into_grouped))
    return results


def ablation(results: list[SizeResult]) -> list[str]:
    """The stage timers checked against whole loads without the stage, where those were run."""
    rows = []
    for r in results:
        if not r.ablated:
            continue
        full = r.load["seconds"]
        figures = (f"{r.load['workers']['figures extract']:.1f} in workers + "
                   f"{r.load['split']['figures store']:.1f} storing")
        for variant, label, timed in (("no-figures", "figures", figures),
                                      ("no-grouping", "repeat grouping", f"{r.load['split']['repeat grouping']:.1f}")):
            other = r.ablated[variant]["seconds"]
            rows.append([f"{r.articles:,}", label, f"{other:.1f}", f"{full - other:.1f}", timed])
    if not rows:
        return []
    return ["", "cross-check: whole loads without a stage (extract returning [], group_repeats=False), separate processes",
            table(["articles", "without", "load s", "full − without s", "stage timers s (workers: CPU)"], rows)]


def report(results: list[SizeResult], seed: int) -> str:
    out = [
        "tearsheet load benchmark",
        f"  Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · {os.cpu_count()} CPUs · "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"  corpus: bench.corpus.write_corpus(seed={seed}); generation timed apart; each load and each baseline "
        "runs in a process of its own on a fresh SQLite file (WAL)",
        "  peak RSS: ru_maxrss of that process (main) and the largest of the loader's worker processes (worker)",
        "",
        "load_paths(db, [corpus]) — parse and figures in worker processes, store and repeat grouping in the main one",
        table(
            ["articles", "documents", "paragraphs", "MB", "generate s", "load s", "articles/s", "MB/s",
             "CPU s main+workers", "peak RSS main MB", "before grouping", "worker MB", "db MB"],
            [[f"{r.articles:,}", f"{r.load['documents']:,}", f"{r.load['paragraphs']:,}", f"{r.mb:.1f}",
              f"{r.generate_seconds:.1f}", f"{r.load['seconds']:.1f}", f"{r.rate:,.0f}",
              f"{r.mb / r.load['seconds']:.2f}", f"{r.load['main_cpu']:.0f}+{r.load['worker_cpu']:.0f}",
              f"{r.load['peak_rss_mb']:.0f}",
              "–" if r.load["rss_before_grouping_mb"] is None else f"{r.load['rss_before_grouping_mb']:.0f}",
              f"{r.load['worker_rss_mb']:.0f} ×{r.load['worker_count']}",
              f"{r.load['db_mb']:.0f}"] for r in results],
        ),
    ]
    errors = [(r.articles, e) for r in results for e in r.load["errors"]]
    if errors:
        out.append("  load errors: " + "; ".join(f"[{n:,}] {e}" for n, e in errors))
    out += [
        "",
        "time split, main process (timers around store.load's stages in the same run; wall seconds; store = the "
        "rest: SQL inserts and commits; commits made while a worker keeps the loader waiting count as waiting)",
        table(
            ["articles", *(f"{s} s" for s in MAIN_STAGES)],
            [[f"{r.articles:,}", *(f"{r.load['split'][s]:.1f} ({100 * r.load['split'][s] / r.load['seconds']:.0f}%)"
                                   for s in MAIN_STAGES)] for r in results],
        ),
        "",
        "time split, worker processes (store.prepare per file; CPU seconds summed over the workers, which run side by side)",
        table(
            ["articles", "workers", *(f"{s} s" for s in WORKER_STAGES), "total s"],
            [[f"{r.articles:,}", str(r.load["worker_count"]), *(f"{r.load['workers'][s]:.1f}" for s in WORKER_STAGES),
              f"{sum(r.load['workers'].values()):.1f}"] for r in results],
        ),
        *ablation(results),
        "",
        "reload of the unchanged corpus (same process, same database)",
        table(
            ["articles", "seconds", "unchanged", "loaded again", "articles/s"],
            [[f"{r.articles:,}", f"{r.load['reload_seconds']:.2f}", f"{r.load['reload_unchanged']:,}",
              f"{r.load['reload_loaded']:,}", f"{r.articles / r.load['reload_seconds']:,.0f}"] for r in results],
        ),
        "",
        "load into a grouped store: the second half of the month folders into a store holding the first half "
        "(separate processes; figures of the second)",
        table(
            ["articles", "files", "paragraphs", "seconds", "repeat grouping s", "peak RSS main MB"],
            [[f"{r.articles:,}", f"{r.into_grouped['files']:,}", f"{r.into_grouped['paragraphs']:,}",
              f"{r.into_grouped['seconds']:.1f}", f"{r.into_grouped['grouping_seconds']:.1f}",
              f"{r.into_grouped['peak_rss_mb']:.0f}"] for r in results],
        ),
        "",
        "baseline: sqlite-utils insert_all of every file's lines as rows (path, n, line), one transaction a file",
        table(
            ["articles", "lines", "seconds", "articles/s", "MB/s", "peak RSS MB", "load / baseline"],
            [[f"{r.articles:,}", f"{r.raw['lines']:,}", f"{r.raw['seconds']:.2f}",
              f"{r.articles / r.raw['seconds']:,.0f}", f"{r.mb / r.raw['seconds']:.1f}",
              f"{r.raw['peak_rss_mb']:.0f}", f"{r.load['seconds'] / r.raw['seconds']:.0f}×"] for r in results],
        ),
        "",
    ]
    big = next((r for r in results if r.articles == TARGET_ARTICLES), None)
    small, large = min(results, key=lambda r: r.articles), max(results, key=lambda r: r.articles)
    if big is None:
        speed = f"not measured (add {TARGET_ARTICLES:,} to --sizes)"
        fast = None
    else:
        fast = big.load["seconds"] < TARGET_SECONDS
        speed = f"{verdict(fast)} ({TARGET_ARTICLES:,} articles, {big.mb:.0f} MB in {big.load['seconds']:.1f} s)"
    if small.articles == large.articles:
        memory = "not measured (give two sizes)"
        flat = None
    else:
        parts, flat = [], True
        for measured, key, name in ((lambda r: r.load, "peak_rss_mb", "main"),
                                    (lambda r: r.load, "worker_rss_mb", "worker"),
                                    (lambda r: r.into_grouped, "peak_rss_mb", "into a grouped store")):
            if not measured(small)[key]:
                continue
            growth = measured(large)[key] / measured(small)[key]
            flat = flat and growth <= FLAT_GROWTH
            # The slope says what the ratio hides: a smaller fixed cost makes the same growth a larger ratio.
            slope = (measured(large)[key] - measured(small)[key]) / (large.articles - small.articles) * 1000
            parts.append(f"{name} {measured(small)[key]:.0f} → {measured(large)[key]:.0f} MB "
                         f"(×{growth:.2f}, +{slope:.1f} MB per 1,000 articles)")
        memory = (f"{verdict(flat)} (peak RSS from {small.articles:,} to {large.articles:,} articles: "
                  f"{'; '.join(parts)}; flat means ×{FLAT_GROWTH} at most)")
    overall = "PASS" if fast and flat else "MISS" if fast is False or flat is False else "INCOMPLETE"
    out += [
        f"target: {TARGET_ARTICLES:,} articles < {TARGET_SECONDS:.0f} s, memory flat in N: {overall}",
        f"  speed:  {speed}",
        f"  memory: {memory}",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write corpora and databases here and keep them")
    parser.add_argument("--ablate", type=int, default=1000, metavar="N",
                        help="for sizes up to N, also load without figures and without grouping (default 1000; 0: never)")
    parser.add_argument("--child", choices=["load", "load-no-figures", "load-no-grouping", "raw", "first-half", "second-half"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.child == "raw":
            result = child_raw(args.corpus, args.db)
        elif args.child.endswith("-half"):
            result = child_half(args.corpus, args.db, second=args.child == "second-half")
        else:
            result = child_load(args.corpus, args.db, args.child.removeprefix("load").lstrip("-") or "full")
        print(json.dumps(result))
        return 0
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = measure(sizes, args.keep, args.seed, args.ablate)
    else:
        with tempfile.TemporaryDirectory(prefix="tearsheet-load-") as work:
            results = measure(sizes, Path(work), args.seed, args.ablate)
    print()
    print(report(results, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
