"""The Textual reader and the `tearsheet` command line."""

from __future__ import annotations

import sys

OPTIONAL_IMPORTS_OF_SQLITE_UTILS = ("numpy", "pandas")


def _import_sqlite_utils_lean() -> None:
    """Import sqlite-utils without numpy and pandas.

    sqlite-utils imports them, when installed, only to map their scalar types to column types for inserts;
    tearsheet never hands it such values, and numpy alone was a third of the reader's start-up. Modules that
    need numpy (store.repeats) still import it as usual afterwards.
    """
    if "sqlite_utils" in sys.modules:
        return
    blocked = [name for name in OPTIONAL_IMPORTS_OF_SQLITE_UTILS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # None makes `import name` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


_import_sqlite_utils_lean()
