"""Tags and notes on paragraphs and figures, re-anchored when articles are loaded again.

The names load on first use: `store.db` imports `store.annotations.schema` while it is itself loading.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

_HOMES = {
    "notes": ("discard", "set_note"),
    "queries": (
        "Annotation", "TaggedQuote", "annotation", "annotations_of_document", "annotations_of_paragraph",
        "known_tags", "orphaned", "paragraphs_with_tag", "tags_with_counts",
    ),
    "tags": (
        "last_tag", "tag_by_reference", "tag_figure", "tag_paragraph", "untag_by_reference", "untag_figure",
        "untag_paragraph",
    ),
    "undo": ("undo",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME_OF)

if TYPE_CHECKING:
    from store.annotations.notes import discard, set_note
    from store.annotations.queries import (
        Annotation, TaggedQuote, annotation, annotations_of_document, annotations_of_paragraph, known_tags,
        orphaned, paragraphs_with_tag, tags_with_counts,
    )
    from store.annotations.tags import (
        last_tag, tag_by_reference, tag_figure, tag_paragraph, untag_by_reference, untag_figure, untag_paragraph,
    )
    from store.annotations.undo import undo


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'store.annotations' has no attribute '{name}'")
    value = getattr(import_module(f"store.annotations.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
