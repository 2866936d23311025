"""Tags and notes on paragraphs and figures, re-anchored when articles are loaded again."""

from store.annotations.changes import as_shown
from store.annotations.notes import discard, set_note
from store.annotations.queries import (
    Annotation, TaggedQuote, annotation, annotations_of_document, annotations_of_paragraph, known_tags, narrowed_tags,
    orphan_count, orphaned, orphaned_quotes, paragraphs_with_tag, tags_with_counts, untagged_note_count, untagged_notes,
)
from store.annotations.tags import (
    last_tag, retag_figure, retag_paragraph, tag_by_reference, tag_figure, tag_paragraph, untag_by_reference, untag_figure, untag_paragraph,
)
from store.annotations.undo import undo

__all__ = [
    "Annotation", "TaggedQuote", "annotation", "as_shown", "annotations_of_document", "annotations_of_paragraph", "discard",
    "known_tags", "last_tag", "narrowed_tags", "orphan_count", "orphaned", "orphaned_quotes", "paragraphs_with_tag", "retag_figure", "retag_paragraph", "set_note", "tag_by_reference",
    "tag_figure", "tag_paragraph", "tags_with_counts", "undo", "untag_by_reference", "untag_figure", "untag_paragraph",
    "untagged_note_count", "untagged_notes",
]
