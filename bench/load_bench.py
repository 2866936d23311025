"""Load speed and memory: articles/s, MB/s and peak RSS for generated corpora, with a raw-insert baseline.

Run from the repository root:  python -m bench.load_bench [--sizes 1000,10000] [--keep DIR]

For each size a corpus is written by bench.corpus.write_corpus (timed apart) and loaded into a fresh
SQLite file in a process of its own, so the peak RSS printed is that size's alone. The same process
times the stages of the load (decode+parse, the furniture lookups parse makes in SQL, figure
extraction, figure rows, repeat grouping; store is what remains) and then loads the unchanged corpus
again. Another process inserts the same files' lines with sqlite-utils insert_all and no parsing: the
ratio of the two is what reading articles costs over writing their text.
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET_ARTICLES = 10_000
TARGET_SECONDS = 60.0
FLAT_GROWTH = 1.5
STAGES = ("decode+parse", "furniture SQL", "store", "figures extract", "figures store", "repeat grouping")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def article_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".md"))


class StageClock:
    """Wraps store.load's stage functions in place and sums the time spent inside each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.calls: dict[str, int] = dict.fromkeys(STAGES, 0)

    def timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started
                self.calls[stage] += 1
        return wrapper

    def install(self) -> None:
        import store.load as load

        load.decode = self.timed("decode+parse", load.decode)
        load.parse = self.timed("decode+parse", load.parse)
        load.extract = self.timed("figures extract", load.extract)
        load._insert_figures = self.timed("figures store", load._insert_figures)
        load.update_repeats = self.timed("repeat grouping", load.update_repeats)
        seen_counter = load._seen_counter

        def timed_seen_counter(*args: Any) -> Callable[[str], int]:
            return self.timed("furniture SQL", seen_counter(*args))

        load._seen_counter = timed_seen_counter

    def split(self, total: float) -> dict[str, float]:
        """Seconds per stage; furniture lookups happen inside parse and are taken out of it."""
        out = dict(self.seconds)
        out["decode+parse"] -= out["furniture SQL"]
        out["store"] = total - sum(v for k, v in out.items() if k != "store")
        return out


def child_load(corpus: Path, db_path: Path) -> dict[str, Any]:
    clock = StageClock()
    clock.install()
    from store.db import open_db
    from store.load import load_paths

    imported_rss = peak_rss_mb()
    db = open_db(db_path)
    started = time.perf_counter()
    report = load_paths(db, [corpus])
    seconds = time.perf_counter() - started
    load_rss = peak_rss_mb()
    started = time.perf_counter()
    again = load_paths(db, [corpus])
    reload_seconds = time.perf_counter() - started
    db.conn.close()
    return {
        "seconds": seconds,
        "split": clock.split(seconds),
        "files": len(report.loaded),
        "documents": report.documents,
        "paragraphs": report.paragraphs,
        "errors": [str(e) for e in report.errors[:5]],
        "error_count": len(report.errors),
        "import_rss_mb": imported_rss,
        "peak_rss_mb": load_rss,
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


def run_child(mode: str, corpus: Path, db_path: Path) -> dict[str, Any]:
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

    @property
    def rate(self) -> float:
        return self.articles / self.load["seconds"]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: indent + "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(headers), indent + "  ".join("-" * w for w in widths), *map(line, rows)])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def measure(sizes: Sequence[int], work: Path, seed: int) -> list[SizeResult]:
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
        db_path = work / f"load-{n}.db"
        for stale in work.glob(f"load-{n}.db*"):
            stale.unlink()
        load = run_child("load", corpus, db_path)
        print(f" {load['seconds']:.1f} s; raw insert…", end="", flush=True)
        raw_path = work / f"raw-{n}.db"
        for stale in work.glob(f"raw-{n}.db*"):
            stale.unlink()
        raw = run_child("raw", corpus, raw_path)
        print(f" {raw['seconds']:.1f} s")
        results.append(SizeResult(n, stats.bytes / 1e6, generated, load, raw))
    return results


def report(results: list[SizeResult], seed: int) -> str:
    out = [
        "tearsheet load benchmark",
        f"  Python {platform.python_version()} · SQLite {sqlite3.sqlite_version} · {os.cpu_count()} CPUs · "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"  corpus: bench.corpus.write_corpus(seed={seed}); generation timed apart; each load and each baseline "
        "runs in a process of its own on a fresh SQLite file (WAL); peak RSS = that process's ru_maxrss",
        "",
        "load_paths(db, [corpus]) — parse, store, figures, repeat grouping",
        table(
            ["articles", "documents", "paragraphs", "MB", "generate s", "load s", "articles/s", "MB/s",
             "peak RSS MB", "RSS after imports MB", "db MB"],
            [[f"{r.articles:,}", f"{r.load['documents']:,}", f"{r.load['paragraphs']:,}", f"{r.mb:.1f}",
              f"{r.generate_seconds:.1f}", f"{r.load['seconds']:.1f}", f"{r.rate:,.0f}",
              f"{r.mb / r.load['seconds']:.2f}", f"{r.load['peak_rss_mb']:.0f}", f"{r.load['import_rss_mb']:.0f}",
              f"{r.load['db_mb']:.0f}"] for r in results],
        ),
    ]
    errors = [(r.articles, e) for r in results for e in r.load["errors"]]
    if errors:
        out.append("  load errors: " + "; ".join(f"[{n:,}] {e}" for n, e in errors))
    out += [
        "",
        "time split (timers around store.load's stages in the same run; store = the rest: SQL inserts, "
        "hashing, re-anchoring)",
        table(
            ["articles", *(f"{s} s" for s in STAGES)],
            [[f"{r.articles:,}", *(f"{r.load['split'][s]:.1f} ({100 * r.load['split'][s] / r.load['seconds']:.0f}%)"
                                   for s in STAGES)] for r in results],
        ),
        "",
        "reload of the unchanged corpus (same process, same database)",
        table(
            ["articles", "seconds", "unchanged", "loaded again", "articles/s"],
            [[f"{r.articles:,}", f"{r.load['reload_seconds']:.2f}", f"{r.load['reload_unchanged']:,}",
              f"{r.load['reload_loaded']:,}", f"{r.articles / r.load['reload_seconds']:,.0f}"] for r in results],
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
    if small is large:
        memory = "not measured (give two sizes)"
        flat = None
    else:
        growth = large.load["peak_rss_mb"] / small.load["peak_rss_mb"]
        flat = growth <= FLAT_GROWTH
        memory = (f"{verdict(flat)} (peak RSS {small.load['peak_rss_mb']:.0f} MB at {small.articles:,} → "
                  f"{large.load['peak_rss_mb']:.0f} MB at {large.articles:,}: ×{growth:.2f} for ×"
                  f"{large.articles / small.articles:.0f} articles; flat means ×{FLAT_GROWTH} at most)")
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
    parser.add_argument("--child", choices=["load", "raw"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run = child_load if args.child == "load" else child_raw
        print(json.dumps(run(args.corpus, args.db)))
        return 0
    sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = measure(sizes, args.keep, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="tearsheet-load-") as work:
            results = measure(sizes, Path(work), args.seed)
    print()
    print(report(results, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
