"""Article: one document's paragraphs with a cursor, figures, repeats, tags and notes."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.notifications import Notification
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from store import annotations
from store.db import DocumentGone
from store.queries import remember_position, set_read
from store.reading import (
    ArticleData, ParagraphView, RepeatMark, article_data, copies_of, hits_in_document, position_after_reload,
)
from store.text import clipped
from tui.commands import ARTICLE, bindings
from tui.saving import NotSaved, SaveJob, Saved
from tui.widgets.figures_panel import FiguresPanel
from tui.widgets.footer import KeysFooter
from tui.widgets.hanging import Hanging
from tui.widgets.paragraph import Look, paragraph_visual
from tui.widgets.stopping_list import Direction, StoppingOptionList
from tui.words import counted

SAVE_DELAY = 0.4
FOLD_TITLE_WIDTH = 40
ADDED_WIDTH = 60
"""Characters of the words a copy adds shown on the line that says so."""
QUIT_WAIT_MS = 200
PAGE_OVERLAP = 2
"""Lines of the screen before that a page down (or up) keeps in view, so the eye finds its place."""
PICK_FIGURE_HELP = "↑↓ move · enter tags that figure · escape cancels"
GONE = "This article is no longer in the collection: its file was loaded again without it."


def _differs(repeat: RepeatMark) -> bool:
    """A copy the reader must see whole: it prints other figures or adds words to the text it repeats."""
    return bool(repeat.changed_figures or repeat.added)


class ParagraphList(StoppingOptionList):
    """The article's paragraphs; the highlighted option is the reading cursor, which stops at either end."""

    def at_end(self, direction: Direction) -> None:
        self.app.notify_once("Last paragraph" if direction > 0 else "First paragraph", timeout=1.5)

    _wrapped_at = 0

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: Direction) -> None:
        """Scroll a screen, keeping PAGE_OVERLAP lines of the last one, and put the cursor on the first paragraph
        that starts in view. OptionList's own page moved the cursor a screen's height of lines and scrolled just
        enough to show it, which hid the lines between."""
        if self.highlighted is None:
            super().action_page_down() if direction > 0 else super().action_page_up()
            return
        self._update_lines()
        height = self.scrollable_content_region.height
        top, lines = round(self.scroll_y), len(self._lines)
        if (direction > 0 and top + height >= lines) or (direction < 0 and top <= 0) or not lines:
            end = self._next_enabled(-1, 1) if direction < 0 else self._next_enabled(self.option_count, -1)
            if end is None or end == self.highlighted:
                self.at_end(direction)
            else:
                self.highlighted = end
            return
        step = max(1, height - PAGE_OVERLAP)
        new_top = min(top + step, lines - height) if direction > 0 else max(0, top - step)
        starts = (i for i, line in sorted(self._index_to_line.items(), key=lambda item: item[1])
                  if new_top <= line < new_top + height and not self.get_option_at_index(i).disabled)
        cursor = next(starts, None)
        if cursor is None:
            covering = self._lines[new_top][0]
            cursor = covering if not self.get_option_at_index(covering).disabled else self.highlighted
        self.highlighted = cursor
        # After the scroll that highlighting the cursor asks for, which would show the whole cursor paragraph.
        self.scroll_to(y=new_top, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        # At another width the paragraphs wrap anew (the figures panel opening, the terminal resized), which
        # moves the one the cursor is on, out of view as often as not.
        if event.size.width != self._wrapped_at:
            self._wrapped_at = event.size.width
            self.call_after_refresh(self.scroll_to_highlight)


class ArticleScreen(Screen[None]):
    COMMAND_SET = ARTICLE
    BINDINGS = bindings(ARTICLE)
    AUTO_FOCUS = "#paragraphs"

    def __init__(
        self, doc_id: int, *, position: int | None = None, paragraph_id: int | None = None, query: str = ""
    ) -> None:
        super().__init__()
        self._save_timer: Timer | None = None
        self._figure_notice: Notification | None = None
        """What the figure chosen last is, said while the figures panel is closed: taken down for the next."""
        self._start(doc_id, position=position, paragraph_id=paragraph_id, query=query)

    def _start(self, doc_id: int, *, position: int | None, paragraph_id: int | None, query: str) -> None:
        """Everything one opening of an article begins with."""
        self.doc_id = doc_id
        self.start_position = position
        self.start_paragraph = paragraph_id
        self.query_text = query
        self.data: ArticleData | None = None
        self.shown: list[ParagraphView] = []
        self.show_hidden = False
        self.fold_repeats = False
        self.show_notes = True
        self.hits: dict[int, list[tuple[int, int]]] = {}
        self.current_figure: tuple[int, int] | None = None
        self.last_tags: list[str] = []
        self._visuals: dict[int, tuple[ParagraphView, Look, Hanging]] = {}
        """Each paragraph's visual with what it was drawn from, kept while the article is open: a reload after a
        tag, h or z builds and wraps again only what changed (every paragraph of a long live blog took a second)."""

    def reopen(
        self, doc_id: int, *, position: int | None = None, paragraph_id: int | None = None, query: str = ""
    ) -> None:
        """Show another article in this (mounted, not displayed) screen as a new one would show it."""
        self._start(doc_id, position=position, paragraph_id=paragraph_id, query=query)
        self.query_one(FiguresPanel).display = False
        self.set_focus(self.query_one(ParagraphList))
        self._show_start()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="article-header")
        with Horizontal(id="article-body"):
            yield ParagraphList(id="paragraphs")
            yield FiguresPanel(id="figures-panel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_start()

    def _show_start(self) -> None:
        self.load()
        if self.data is not None and self.start_paragraph is not None:
            self.go_to_paragraph(self.start_paragraph)

    # -- data ---------------------------------------------------------------------------------

    def load(self, *, keep_position: bool = False) -> None:
        kept = self.cursor_view() if keep_position else None
        position = kept.position if kept is not None else self.start_position
        try:
            self.data = self.app.store(article_data, self.doc_id)
        except DocumentGone:
            self._leave_gone_article()
            return
        if kept is not None:
            position = position_after_reload(self.data.paragraphs, kept)
        self.app.documents_seen.add(self.doc_id)
        self.hits = self.app.store(hits_in_document, self.doc_id, self.query_text) if self.query_text else {}
        doc = self.data.doc
        if position is None:
            position = doc.position
        self.sub_title = doc.display_title
        self._rebuild(position, keep_scroll=keep_position)
        self._show_header()
        self.query_one(FiguresPanel).show_figures(self.data.paragraphs)
        if not doc.read:
            self._mark_read(self.doc_id)

    def refresh_data(self) -> None:
        self.load(keep_position=True)

    def _show_header(self) -> None:
        assert self.data is not None
        doc = self.data.doc
        meta = " · ".join(x for x in (doc.byline, doc.source, doc.published, f"{doc.paragraphs} ¶",
                                      counted(doc.figures, "figure")) if x)
        if doc.repeats:
            meta += f" · {doc.repeats} ¶ {'repeats' if doc.repeats == 1 else 'repeat'} earlier text"
        if self.data.orphans:
            lost = "a tag or note" if self.data.orphans == 1 else f"{self.data.orphans} tags or notes"
            meta += f" · ⚠ {lost} lost {'its' if self.data.orphans == 1 else 'their'} paragraph (T lists orphans)"
        if self.query_text:
            quoted = self.query_text if self.query_text[:1] in "\"“" else f"“{self.query_text}”"
            meta += f" · {quoted}: {self._hits_said()}"
        self.query_one("#article-header", Static).update(f"[b]{_escape(doc.display_title)}[/b]\n[dim]{_escape(meta)}[/dim]")

    def _hits_said(self) -> str:
        """The paragraphs n and N step through now, and those hidden lines hold until h shows them."""
        hidden = self._hidden_hits()
        reachable = len(self.hits) - len(hidden)
        if not hidden:
            return f"{reachable} ¶ (n/N)"
        if not reachable:
            return f"{len(hidden)} ¶ {_hidden_note(hidden)}"
        return f"{reachable} ¶ (n/N), {len(hidden)} more {_hidden_note(hidden)}"

    def _hidden_hits(self) -> list[ParagraphView]:
        """The paragraphs with hits that n and N cannot reach while hidden lines are hidden."""
        if self.show_hidden or self.data is None:
            return []
        return [v for v in self.data.paragraphs if v.hidden and v.id in self.hits]

    def _leave_gone_article(self) -> None:
        """A load in another terminal took the article out (its page no longer carries it): back to the screen
        below, read again, rather than an article that is not there."""
        self.shown = []  # no reading position is kept for it
        self.notify(GONE, severity="warning", timeout=6)
        self.call_after_refresh(self._leave)

    def _leave(self) -> None:
        if self.app.screen is self:
            self.dismiss()
            self.app.call_after_refresh(self.app.action_refresh)

    def _rebuild(self, position: int | None, *, keep_scroll: bool = False) -> None:
        """List the paragraphs again with the cursor at `position`: at the top of the view, or with
        `keep_scroll` (a tag, a note, an undo, a refresh) where the view was, so the page does not jump."""
        assert self.data is not None
        self.shown = [v for v in self.data.paragraphs if self.show_hidden or not v.hidden]
        paragraphs = self.query_one(ParagraphList)
        scroll_y = paragraphs.scroll_y
        paragraphs.set_options(Option(self._visual(v), id=str(v.id)) for v in self.shown)
        if not self.shown:
            return
        index = next((i for i, v in enumerate(self.shown) if position is not None and v.position >= position), 0)
        paragraphs.highlighted = index
        # Option heights are only known once the list has been laid out at its width.
        if keep_scroll:
            self.call_after_refresh(self._scroll_back, scroll_y)
        else:
            self.call_after_refresh(paragraphs.scroll_to_highlight, top=True)

    def _scroll_back(self, scroll_y: float) -> None:
        paragraphs = self.query_one(ParagraphList)
        paragraphs.scroll_to(y=scroll_y, animate=False, immediate=True)
        paragraphs.scroll_to_highlight()

    def _visual(self, view: ParagraphView) -> Hanging:
        figure = None
        if self.current_figure and self.current_figure[0] == view.id:
            figure = self.current_figure[1]
        look = Look(hits=tuple(self.hits.get(view.id, ())), current_figure=figure,
                    folded_as=self._fold_label(view), differs_as=self._differs_label(view), show_note=self.show_notes)
        kept = self._visuals.get(view.id)
        if kept is not None and kept[1] == look and kept[0] == view:
            return kept[2]
        visual = paragraph_visual(view, look)
        self._visuals[view.id] = (view, look, visual)
        return visual

    def _fold_label(self, view: ParagraphView) -> str | None:
        repeat = view.repeat
        if not self.fold_repeats or repeat is None or repeat.is_representative:
            return None
        if view.tags or view.note or view.figure_tags or view.id in self.hits or _differs(repeat):
            # Folding would hide the reader's own tags and notes, the words searched for, other figures or more text.
            return None
        dropped = f", {counted(repeat.dropped_words, 'word')} fewer" if repeat.dropped_words else ""
        return f"repeat of {self._repeat_of(repeat)}, {repeat.score:.0f}%{dropped}"

    def _differs_label(self, view: ParagraphView) -> str | None:
        """While repeats are folded, what a copy left open prints otherwise: its figures, or the words it adds."""
        repeat = view.repeat
        if not self.fold_repeats or repeat is None or not _differs(repeat):
            return None
        said = []
        if repeat.changed_figures:
            said.append("figures differ: " + ", ".join(f"{theirs} → {ours}" for theirs, ours in repeat.changed_figures))
        if repeat.added:
            said.append(f"adds “{clipped(repeat.added, ADDED_WIDTH)}”")
        return f"repeat of {self._repeat_of(repeat)}, {'; '.join(said)}"

    def _repeat_of(self, repeat: RepeatMark) -> str:
        """`¶4 in “title”`: where the text this one repeats is."""
        at = f"¶{repeat.representative_n}" if repeat.representative_n is not None else "the headline"
        if repeat.representative_doc == self.doc_id:
            return f"{at} in this article"
        title = repeat.representative_title or ""
        where = f"in “{clipped(title, FOLD_TITLE_WIDTH)}”"
        if self.data is not None and title == self.data.doc.display_title and repeat.representative_source:
            where += f" ({repeat.representative_source})"
        return f"{at} {where}"

    def _redraw(self, view: ParagraphView) -> None:
        index = next((i for i, v in enumerate(self.shown) if v.id == view.id), None)
        if index is not None:
            self.query_one(ParagraphList).replace_option_prompt_at_index(index, self._visual(view))

    def cursor_view(self) -> ParagraphView | None:
        if not self.is_mounted:
            return None
        index = self.query_one(ParagraphList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def go_to_paragraph(self, paragraph_id: int, *, top: bool = False) -> None:
        """Put the cursor on the paragraph, scrolled into view (with `top`, to the top of the view)."""
        index = next((i for i, v in enumerate(self.shown) if v.id == paragraph_id), None)
        if index is None and not self.show_hidden:
            self._show_hidden_lines(True, None)
            index = next((i for i, v in enumerate(self.shown) if v.id == paragraph_id), None)
        if index is not None:
            paragraphs = self.query_one(ParagraphList)
            paragraphs.highlighted = index
            self.call_after_refresh(paragraphs.scroll_to_highlight, top=top)

    # -- reading position ----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#paragraphs")
    def _moved(self, _: OptionList.OptionHighlighted) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_position)

    def _save_position(self) -> None:
        view = self.cursor_view()
        if view is not None:
            self._write_position(self.doc_id, view.position)

    @work(thread=True, group="position")
    def _write_position(self, doc_id: int, position: int) -> None:
        self.app.save_quietly("Reading position", remember_position, doc_id, position)

    @work(thread=True, group="position")
    def _mark_read(self, doc_id: int) -> None:
        self.app.save_quietly("Read mark", set_read, doc_id, True)

    def on_screen_suspend(self) -> None:
        self._save_position()

    def keep_before_quit(self) -> bool:
        """The reading position, written at once, not in a worker: the reader is about to quit, and quitting
        cancels workers.

        Quitting does not wait on another program's write (a load in another terminal): the position
        saved after the last pause stands instead."""
        view = self.cursor_view()
        if view is not None:
            self.app.save_quietly("Reading position", remember_position, self.doc_id, view.position, wait_ms=QUIT_WAIT_MS)
        return True

    # -- movement ------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.query_one(ParagraphList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ParagraphList).action_cursor_up()

    def action_page_down(self) -> None:
        self.query_one(ParagraphList).action_page_down()

    def action_page_up(self) -> None:
        self.query_one(ParagraphList).action_page_up()

    def action_cursor_top(self) -> None:
        self.query_one(ParagraphList).action_first()

    def action_cursor_bottom(self) -> None:
        self.query_one(ParagraphList).action_last()

    def action_back(self) -> None:
        self._save_position()
        self.dismiss()

    def _step_article(self, step: int) -> None:
        from tui.screens.library import LibraryScreen

        library = next((s for s in self.app.screen_stack if isinstance(s, LibraryScreen)), None)
        if library is None or not library.lists(self.doc_id):
            self.notify("This article is not in the library's list as filtered", timeout=2)
            return
        target = library.neighbour(self.doc_id, step)
        if target is None:
            self.app.notify_once("Last article" if step > 0 else "First article", timeout=2)
            return
        self._save_position()
        self.doc_id, self.start_position, self.query_text, self.current_figure = target, None, "", None
        self._visuals = {}
        self.load()

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_toggle_hidden(self) -> None:
        view = self.cursor_view()
        self._show_hidden_lines(not self.show_hidden, view.position if view else None)
        self.notify("Boilerplate shown, dimmed" if self.show_hidden else "Boilerplate hidden", timeout=1.5)

    def _show_hidden_lines(self, shown: bool, position: int | None) -> None:
        """Show or hide the hidden lines; the header's count of hits follows what n and N can reach."""
        self.show_hidden = shown
        self._rebuild(position)
        self._show_header()

    def _step_matching(self, step: int, predicate) -> bool:
        paragraphs = self.query_one(ParagraphList)
        start = paragraphs.highlighted if paragraphs.highlighted is not None else -1
        count = len(self.shown)
        for offset in range(1, count + 1):
            index = (start + step * offset) % count
            if predicate(self.shown[index]):
                paragraphs.highlighted = index
                paragraphs.scroll_to_highlight()
                return True
        return False

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        paragraphs = self.query_one(ParagraphList)
        before = paragraphs.highlighted
        if not self._step_matching(step, lambda v: v.id in self.hits):
            self._no_hit_shown()
        elif before is not None and (paragraphs.highlighted - before) * step <= 0:
            self.app.notify_once("Back to the first hit" if step > 0 else "On to the last hit", timeout=1.5)

    def _no_hit_shown(self) -> None:
        if hidden := self._hidden_hits():
            self.notify(f"Search hits here: {len(hidden)} ¶ {_hidden_note(hidden)}", timeout=3)
        else:
            self.notify("No search hits in this article (search with /)", timeout=2)

    # -- repeats -------------------------------------------------------------------------------

    def action_next_repeat(self) -> None:
        view = self.cursor_view()
        if view is None or view.repeat is None:
            if not self._step_matching(1, lambda v: v.repeat is not None):
                self.notify("No repeated paragraphs in this article", timeout=2)
            return
        copies = self.app.store(copies_of, view.repeat.group_id)
        ids = [c[0] for c in copies]
        index = ids.index(view.id) if view.id in ids else -1
        paragraph_id, doc_id, _n, position = copies[(index + 1) % len(copies)]
        if doc_id != self.doc_id:
            self._save_position()
            self.doc_id, self.start_position, self.current_figure = doc_id, position, None
            self.load()
        # At the top of the view, clear of the "Copy 2 of 2" notice at the bottom.
        self.go_to_paragraph(paragraph_id, top=True)
        self.notify(f"Copy {(index + 1) % len(copies) + 1} of {len(copies)}", timeout=1.5)

    def action_fold_repeats(self) -> None:
        self.fold_repeats = not self.fold_repeats
        view = self.cursor_view()
        self._rebuild(view.position if view else None)
        self.notify(self._folding_said(), timeout=2)

    def _folding_said(self) -> str:
        if not self.fold_repeats:
            return "Repeats shown in full"
        folded = sum(1 for v in self.shown if self._fold_label(v) is not None)
        differ = sum(1 for v in self.shown if self._differs_label(v) is not None)
        why = "its figures or words differ" if differ == 1 else "their figures or words differ"
        left_open = f"; {counted(differ, 'copy')} left open, {why}" if differ else ""
        if folded:
            return f"Repeats folded: {counted(folded, 'copy')} of earlier text on one line each{left_open} (z unfolds)"
        if differ:
            return f"Nothing folded: {counted(differ, 'copy')} of earlier text left open, {why}"
        return "Nothing here to fold: no paragraph repeats earlier text, or the copies are tagged, noted or searched for"

    # -- figures -------------------------------------------------------------------------------

    def action_toggle_figures(self) -> None:
        panel = self.query_one(FiguresPanel)
        panel.display = not panel.display
        if panel.display:
            view = self.cursor_view()
            here = self._figure_under_cursor() or ((view.id, 0) if view is not None and view.figures else None)
            if here is not None:
                panel.highlight(*here)
            panel.focus()
        else:
            self.query_one(ParagraphList).focus()

    def _step_figure(self, step: int) -> None:
        flat = [(row, v.id, i) for row, v in enumerate(self.shown) for i in range(len(v.figures))]
        if not flat:
            self.notify("No figures in this article", timeout=1.5)
            return
        keys = [(pid, i) for _row, pid, i in flat]
        current = self._figure_under_cursor()
        if current in keys:
            index = (keys.index(current) + step) % len(flat)
        else:
            here = self.query_one(ParagraphList).highlighted or 0
            first_after = next((k for k, (row, _pid, _i) in enumerate(flat) if row >= here), None)
            if step > 0:
                index = first_after if first_after is not None else 0
            else:
                index = (first_after - 1) if first_after is not None else len(flat) - 1
        self.select_figure(*keys[index])

    def _figure_under_cursor(self) -> tuple[int, int] | None:
        """The chosen figure while the cursor is on its paragraph: x and X go on from where the reader is."""
        view = self.cursor_view()
        if self.current_figure is not None and view is not None and view.id == self.current_figure[0]:
            return self.current_figure
        return None

    def select_figure(self, paragraph_id: int, figure_index: int) -> None:
        previous = self.current_figure
        self.current_figure = (paragraph_id, figure_index)
        for view in self.shown:
            if view.id == paragraph_id or (previous and view.id == previous[0]):
                self._redraw(view)
        self.go_to_paragraph(paragraph_id)
        view = self.cursor_view()
        if view is not None and figure_index < len(view.figures):
            figure = view.figures[figure_index]
            panel = self.query_one(FiguresPanel)
            panel.highlight(paragraph_id, figure_index)
            said = None if panel.display else f"{figure.kind}: {figure.text} — {figure.describe()}"
            self._figure_notice = self.app.replace_notice(self._figure_notice, said, timeout=2)

    def action_next_figure(self) -> None:
        self._step_figure(1)

    def action_previous_figure(self) -> None:
        self._step_figure(-1)

    @on(FiguresPanel.Chosen)
    def _figure_chosen(self, event: FiguresPanel.Chosen) -> None:
        self.select_figure(event.paragraph_id, event.figure_index)
        self.query_one(ParagraphList).focus()

    # -- annotations ---------------------------------------------------------------------------

    def action_tag(self) -> None:
        view = self.cursor_view()
        if view is None or view.hidden:
            return
        from tui.screens.tag_modal import TagModal

        def save(tags: list[str], done: Callable[[bool], None]) -> SaveJob:
            add, remove = _split_toggled(tags, view.tags)
            return self._retag(view, annotations.retag_paragraph, (), add, remove, done)

        self.app.push_screen(TagModal(view.tags, f"Tag ¶{view.n}", save=save), self._reload_if_tagged)

    def _retag(
        self, view: ParagraphView, fn: Callable[..., object], where: tuple[int, ...], add: list[str],
        remove: list[str], done: Callable[[bool], None],
    ) -> SaveJob:
        """Add and remove tags on the paragraph as shown (`where` in it, for a figure) in one change, in the
        background; `done` hears whether the store took it."""

        def saved(result: Saved[object] | None) -> None:
            if result is not None:
                self.last_tags = add or self.last_tags
            done(result is not None)

        return self.app.save_later("Tag", annotations.as_shown, view.id, view.text, fn, *where, add, remove, then=saved,
                                   about=_which(add + remove, view))

    def _reload_if_tagged(self, tags: list[str] | None) -> None:
        if tags:
            self._reload_if_open()

    def _reload_if_saved(self, result: Saved[object] | None) -> None:
        if result is not None:
            self._reload_if_open()

    def _reload_if_open(self) -> None:
        """Read the article again after a save, unless the reader has left it meanwhile: a screen closed since has
        nothing to draw in, and one kept for reuse reads its next article afresh."""
        if self.is_attached and self in self.app.screen_stack:
            self.load(keep_position=True)

    def action_repeat_tag(self) -> None:
        view = self.cursor_view()
        tags = self.last_tags or ([t] if (t := self.app.store(annotations.last_tag)) else [])
        if view is None or view.hidden or not tags:
            self.notify("Tag a paragraph with t first", timeout=1.5)
            return
        self.app.save_later("Tag", annotations.as_shown, view.id, view.text, annotations.tag_paragraph, tags,
                            then=self._reload_if_saved, about=_which(tags, view))
        self.action_cursor_down()

    def action_tag_figure(self) -> None:
        view = self.cursor_view()
        if view is None or not view.figures:
            self.notify("This paragraph has no figures", timeout=1.5)
            return
        from tui.screens.pick_modal import PickModal
        from tui.screens.tag_modal import TagModal

        def picked(index: int | None) -> None:
            if index is None:
                return
            figure = view.figures[index]
            current = next((tags for s, e, tags in view.figure_tags if (s, e) == (figure.start, figure.end)), [])

            def save(tags: list[str], done: Callable[[bool], None]) -> SaveJob:
                add, remove = _split_toggled(tags, current)
                return self._retag(view, annotations.retag_figure, (figure.start, figure.end), add, remove, done)

            self.app.push_screen(TagModal(current, f"Tag “{figure.text}”", save=save), self._reload_if_tagged)

        if len(view.figures) == 1:
            picked(0)
            return
        choices = [f"{f.kind:<8} {f.text}  —  {f.describe()}" for f in view.figures]
        self.app.push_screen(PickModal(f"Which figure of ¶{view.n}?", choices, help_text=PICK_FIGURE_HELP), picked)

    def action_note(self) -> None:
        view = self.cursor_view()
        if view is None or view.hidden:
            return
        from tui.screens.note_modal import NoteModal

        def unchanged(note: str | None) -> bool:
            return note is None or note == (view.note or "")

        def save(note: str, done: Callable[[bool], None]) -> SaveJob | None:
            if unchanged(note):
                done(True)
                return None
            return self.app.save_later("Note", annotations.as_shown, view.id, view.text, annotations.set_note, note,
                                       then=lambda result: done(result is not None), about=f"on ¶{view.n}")

        def closed(note: str | None) -> None:
            if not unchanged(note):
                self._reload_if_open()

        self.app.push_screen(NoteModal(view.note or "", f"Note on ¶{view.n}", save=save), closed)

    def action_fold_notes(self) -> None:
        self.show_notes = not self.show_notes
        for view in self.shown:
            if view.note:
                self._redraw(view)

    def action_undo(self) -> None:
        self.app.undo_later(annotations.undo, then=self._undone)

    def _undone(self, result: Saved[str | NotSaved | None] | None) -> None:
        if result is None:
            return
        if isinstance(result.value, NotSaved):
            self.notify(f"Nothing undone: the {result.value.what.lower()} was not saved", timeout=2)
            return
        self.app.notify(f"Undone: {result.value}" if result.value else "Nothing to undo", timeout=2)
        if result.value:
            self._reload_if_open()


def _which(tags: list[str], view: ParagraphView) -> str:
    """The tags and the paragraph a refused save names: after several, which one was lost is otherwise a guess."""
    return f"{', '.join(f'“{t}”' for t in tags)} on ¶{view.n}"


def _split_toggled(tags: list[str], have: list[str]) -> tuple[list[str], list[str]]:
    """The tags typed, split into those to add and those to remove (the ones already there, in any case)."""
    present = {t.casefold() for t in have}
    return [t for t in tags if t.casefold() not in present], [t for t in tags if t.casefold() in present]


def _hidden_note(views: list[ParagraphView]) -> str:
    """Where these hidden paragraphs are, and that h shows them."""
    titles = sum(v.kind == "title" for v in views)
    if titles == len(views):
        where = "in the title"
    else:
        where = "in the title and other hidden lines" if titles else "in hidden lines"
    return f"{where} (h shows {'it' if len(views) == 1 else 'them'})"


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
