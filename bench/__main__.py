"""The benchmarks in bench/, one line each from their docstrings, and how to run them."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUN_PREFIX = "Run from the repository root:"


def describe(path: Path) -> tuple[str, str | None]:
    """(first line of the docstring, command line) without importing the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree) or ""
    summary = doc.strip().splitlines()[0] if doc.strip() else "(no docstring)"
    runnable = any(
        isinstance(node, ast.If) and "__main__" in ast.unparse(node.test) for node in tree.body
    )
    if not runnable:
        return summary, None
    run = next((line.split(RUN_PREFIX, 1)[1].strip() for line in doc.splitlines() if RUN_PREFIX in line), "")
    run = run.split("   ")[0].strip() or f"python -m bench.{path.stem} --help"
    return summary, run


def main() -> int:
    modules = sorted(p for p in HERE.glob("*.py") if not p.stem.startswith("__"))
    width = max(len(p.stem) for p in modules)
    print("tearsheet benchmarks — run from the repository root with the project on PYTHONPATH,")
    print("e.g.  PYTHONPATH=. python -m bench.load_bench\n")
    for path in modules:
        summary, run = describe(path)
        print(f"  {path.stem:<{width}}  {summary}")
        print(f"  {'':<{width}}  {run if run else '(imported by the others; nothing to run)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
