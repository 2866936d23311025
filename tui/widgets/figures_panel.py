"""The open article's figures, in reading order; choosing one moves the cursor to it."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.reading import ParagraphView
from tui.widgets.paragraph import FIGURE_GLYPHS


class FiguresPanel(OptionList):
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
        for view in paragraphs:
            for index, figure in enumerate(view.figures):
                self.keys.append((view.id, index))
                line = Content.assemble(
                    (f"{FIGURE_GLYPHS.get(figure.kind, '·')} ", "bold"),
                    (f"¶{view.n if view.n is not None else '·'} ", "$text-muted"),
                    (figure.text, "bold"),
                    "\n   ",
                    (f"{figure.kind}: {figure.describe()}", "$text-muted"),
                )
                options.append(Option(line))
        self.set_options(options or [Option("No figures in this article", disabled=True)])
        self.border_subtitle = f"{len(self.keys)}"

    def highlight(self, paragraph_id: int, figure_index: int) -> None:
        if (paragraph_id, figure_index) in self.keys:
            self.highlighted = self.keys.index((paragraph_id, figure_index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.keys):
            self.post_message(self.Chosen(*self.keys[event.option_index]))
