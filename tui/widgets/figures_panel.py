"""The open article's figures, in reading order; choosing one moves the cursor to it."""

from __future__ import annotations

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
    class Chosen(Message):
        def __init__(self, paragraph_id: int, figure_index: int) -> None:
            super().__init__()
            self.paragraph_id = paragraph_id
            self.figure_index = figure_index

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.keys: list[tuple[int, int]] = []
        self.border_title = "Figures"

    def on_mount(self) -> None:
        self.display = False

    def show_figures(self, paragraphs: list[ParagraphView]) -> None:
        self.keys = []
        options = []
        shown = [(view, index, figure) for view in paragraphs for index, figure in enumerate(view.figures)]
        width = max((len(_number(view)) for view, _, _ in shown), default=0) + 3
        for view, index, figure in shown:
            self.keys.append((view.id, index))
            gutter = Content.assemble(
                (f"{FIGURE_GLYPHS.get(figure.kind, '·')} ", "bold"), (_number(view), "$text-muted"),
            )
            body = Content.assemble(
                (figure.text, "bold"), "\n", (f"{figure.kind}: {figure.describe()}", "$text-muted"),
            )
            # Wrapped lines hang under the figure, clear of the paragraph numbers.
            options.append(Option(Hanging(gutter, body, width, gap=0)))
        self.set_options(options or [Option("No figures in this article", disabled=True)])
        self.border_subtitle = f"{len(self.keys)}"

    def highlight(self, paragraph_id: int, figure_index: int) -> None:
        if (paragraph_id, figure_index) in self.keys:
            self.highlighted = self.keys.index((paragraph_id, figure_index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.keys):
            self.post_message(self.Chosen(*self.keys[event.option_index]))
