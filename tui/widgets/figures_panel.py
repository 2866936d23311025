"""The open article's figures, in reading order; choosing one moves the cursor to it."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.reading import ParagraphView
from tui.widgets.hanging import Hanging
from tui.widgets.paragraph import FIGURE_GLYPHS
from tui.widgets.stopping_list import StoppingOptionList


def _number(view: ParagraphView) -> str:
    return f"¶{view.n if view.n is not None else '·'}"


class FiguresPanel(StoppingOptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Next figure", show=False),
        Binding("k", "cursor_up", "Previous figure", show=False),
        Binding("g", "first", "First figure", show=False),
        Binding("G", "last", "Last figure", show=False),
    ]

    class Chosen(Message):
        def __init__(self, paragraph_id: int, figure_index: int) -> None:
            super().__init__()
            self.paragraph_id = paragraph_id
            self.figure_index = figure_index

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.keys: list[tuple[int, int]] = []
        self.border_title = "Figures"
        self._paragraphs: list[ParagraphView] = []
        self._built = True

    def on_mount(self) -> None:
        self.display = False

    def show_figures(self, paragraphs: list[ParagraphView]) -> None:
        """The article's figures, listed now if the panel is shown, else once it is: a long live blog holds tens
        of thousands, and a hidden list of them cost a second on opening it."""
        self._paragraphs = paragraphs
        self.keys = [(view.id, index) for view in paragraphs for index in range(len(view.figures))]
        self.border_subtitle = f"{len(self.keys)}"
        self._built = False
        if self.display:
            self._build()

    def _build(self) -> None:
        self._built = True
        shown = [(view, figure) for view in self._paragraphs for figure in view.figures]
        width = max((len(_number(view)) for view, _ in shown), default=0) + 3
        options = []
        for view, figure in shown:
            gutter = Content.assemble(
                (f"{FIGURE_GLYPHS.get(figure.kind, '·')} ", "bold"), (_number(view), "$text-muted"),
            )
            body = Content.assemble(
                (figure.text, "bold"), "\n", (f"{figure.kind}: {figure.describe()}", "$text-muted"),
            )
            # Wrapped lines hang under the figure, clear of the paragraph numbers.
            options.append(Option(Hanging(gutter, body, width, gap=0)))
        self.set_options(options or [Option("No figures in this article", disabled=True)])

    def on_show(self) -> None:
        if not self._built:
            self._build()

    def highlight(self, paragraph_id: int, figure_index: int) -> None:
        """Put the panel's cursor on a figure; a hidden panel is highlighted afresh when it is shown."""
        if not self._built:
            if not self.display:
                return
            self._build()
        if (paragraph_id, figure_index) in self.keys:
            self.highlighted = self.keys.index((paragraph_id, figure_index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.keys):
            self.post_message(self.Chosen(*self.keys[event.option_index]))
