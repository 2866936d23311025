"""A paragraph with a gutter on its left, wrapped lines hanging under the text, not under the gutter."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    def __init__(self, gutter: Content, body: Content, gutter_width: int, gap: int = 1) -> None:
        self.gutter = gutter
        self.body = body
        self.gutter_width = gutter_width
        # OptionList sizes options without their CSS padding, so the space between paragraphs is drawn here.
        self.gap = gap
        # OptionList asks a long article for every paragraph's height at each relayout (a 12,000-paragraph live
        # blog: three passes, seconds of wrapping).
        self._heights: dict[int, int] = {}

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        text_width = max(1, width - self.gutter_width)
        body = self.body.render_strips(text_width, None, style, options)
        gutter = self.gutter.render_strips(self.gutter_width, None, style, options)
        blank = Strip.blank(self.gutter_width, style.rich_style)
        rows = []
        for i, strip in enumerate(body):
            left = gutter[i].adjust_cell_length(self.gutter_width, style.rich_style) if i < len(gutter) else blank
            rows.append(Strip.join([left, strip.adjust_cell_length(text_width, style.rich_style)]))
        rows.extend(Strip.blank(width, style.rich_style) for _ in range(self.gap))
        return rows

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        if (height := self._heights.get(width)) is None:
            text_width = max(1, width - self.gutter_width)
            lines = self.body.plain.split("\n")
            # Lines that fit need no wrapping to be counted (a figure's two short lines; wrapping each of a long
            # live blog's 35,000 figures made `p` take seconds).
            fits = "\t" not in self.body.plain and all(len(line) <= text_width and cell_len(line) <= text_width
                                                        for line in lines)
            body_height = len(lines) if fits else self.body.get_height(rules, text_width)
            height = self._heights[width] = max(1, body_height) + self.gap
        return height
