"""The seed articles that ship with tearsheet, so a new user has something to read."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seeds_dir() -> Path:
    """Inside an installed wheel they sit in `store/seeds`; in a source checkout, in `seeds/` at the top."""
    packaged = Path(str(resources.files("store"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"
