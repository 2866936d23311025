"""How one paragraph looks: number and markers in the gutter, figures and search hits styled in the text.

Every mark has a second cue besides colour (a glyph, underline, bold, italic or reverse), so it reads
the same with NO_COLOR and in every theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from store.annotations.compare import what_changed
from store.reading import ParagraphView
from tui.widgets.hanging import Hanging

GUTTER = 9
REPEAT_COUNT_CAP = 99
FIGURE_STYLES = {
    "count": "bold underline $text-warning",
    "number": "underline $text-warning",
    "money": "bold italic $text-success",
    "percent": "italic underline $text-success",
    "quantity": "underline $text-success",
    "ordinal": "underline $text-warning",
    "range": "bold underline $text-warning",
    "duration": "italic $text-accent",
    "date": "italic underline $text-accent",
    "time": "italic underline $text-accent",
    "set": "italic $text-accent",
}
FIGURE_GLYPHS = {
    "count": "#", "number": "n", "money": "$", "percent": "%", "quantity": "u", "ordinal": "º",
    "range": "↔", "duration": "⧗", "date": "◷", "time": "◷", "set": "↻",
}
MARKER_REPEAT, MARKER_TAG, MARKER_NOTE, MARKER_FIGURE, MARKER_CHANGED = "≡", "●", "✎", "◆", "Δ"


@dataclass(frozen=True, slots=True)
class Look:
    hits: tuple[tuple[int, int], ...] = ()
    current_figure: int | None = None
    folded_as: str | None = None
    differs_as: str | None = None
    show_note: bool = True


def paragraph_visual(view: ParagraphView, look: Look = Look()) -> Hanging:
    return Hanging(_gutter(view), _body(view, look), GUTTER)


def _gutter(view: ParagraphView) -> Content:
    number = f"{view.n:>3}" if view.n is not None else "  ·"
    marks = []
    if view.repeat is not None:
        marks.append(Content.styled(f"{MARKER_REPEAT}{repeat_count(view.repeat.size)}", "$text-secondary"))
    if view.tags or view.figure_tags:
        marks.append(Content.styled(MARKER_TAG, "bold $text-accent"))
    if view.note:
        marks.append(Content.styled(MARKER_NOTE, "$text-warning"))
    style = "$text-disabled" if view.hidden else "$text-muted"
    gutter = Content.assemble(Content.styled(number, style), " ", *marks)
    if gutter.cell_length > GUTTER:
        gutter = Content.assemble(Content.styled(number, style), *marks)
    return gutter


def repeat_count(size: int) -> str:
    """The copies of a repeated paragraph in at most three cells: 99+ for more."""
    return str(size) if size <= REPEAT_COUNT_CAP else f"{REPEAT_COUNT_CAP}+"


def _body(view: ParagraphView, look: Look) -> Content:
    if look.folded_as is not None:
        return Content.styled(f"{MARKER_REPEAT} {look.folded_as}", "italic $text-muted")
    text = Content(view.text)
    if view.hidden:
        text = text.stylize("italic $text-disabled")
        label = Content.styled(f"  [{view.kind}]", "$text-disabled")
        return text + label
    if view.kind == "heading":
        text = text.stylize("bold")
    for index, figure in enumerate(view.figures):
        style = FIGURE_STYLES.get(figure.kind, "underline")
        if index == look.current_figure:
            style += " reverse"
        text = text.stylize(style, figure.start, figure.end)
    for start, end, _tags in view.figure_tags:
        text = text.stylize("bold", start, end)
    for start, end in look.hits:
        text = text.stylize("reverse $text-primary", start, end)
    lines = [text]
    if look.differs_as is not None:
        lines.append(Content.styled(f"{MARKER_REPEAT} {look.differs_as}", "bold $text-warning"))
    if view.tags or view.figure_tags:
        names = list(view.tags)
        for start, end, tags in view.figure_tags:
            names += [f"{t} ({view.text[start:end]})" for t in tags]
        lines.append(Content.styled(f"{MARKER_TAG} " + ", ".join(names), "$text-accent"))
    if view.note:
        if look.show_note:
            # The note's own lines start under its first word, clear of the marker.
            lines.append(Content.styled(f"{MARKER_NOTE} " + view.note.replace("\n", "\n  "), "italic $text-warning"))
        else:
            lines.append(Content.styled(f"{MARKER_NOTE} note (o shows)", "$text-muted"))
    if view.text_when_noted is not None:
        change = what_changed(view.text_when_noted, view.text)
        lines.append(Content.styled(f"{MARKER_CHANGED} changed since noted: {change}", "$text-warning"))
    return Content("\n").join(lines)
