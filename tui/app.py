"""The tearsheet reader: a Textual app over one tearsheet database."""

from __future__ import annotations

import gc
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.events import AppFocus
from textual.notifications import Notification, Notify
from textual._context import NoActiveAppError
from textual.screen import Screen
from textual.worker import WorkerFailed

from store.db import (
    ParagraphChanged, StoreError, StoreLocked, StoreReadOnly, database_path, is_read_only, open_db, sqlite_utils_module,
    waiting_at_most,
)
from store.queries import last_opened, paragraph_as_listed
from tui import saving
from tui.commands import GLOBAL, bindings
from tui.saving import NotSaved, SaveJob, SaveQueue, Saved
from tui.screens.saving_modal import SavingModal
from tui.words import counted

if TYPE_CHECKING:
    import sqlite_utils

P = ParamSpec("P")
T = TypeVar("T")
S = TypeVar("S", bound=Screen)

# A full pass of the cycle collector frees what Textual's restyles leave behind and takes 20-60 ms; by
# default one ran every few screens, inside a key press. Here it runs once the reader has waited this long
# for the next key, and an automatic one only after this many young-generation passes (Python's default: 10).
COLLECT_WHEN_IDLE_FOR = 0.5
FULL_PASS_EVERY = 100

READING_WAIT_MS = 300
"""The longest the read mark and the reading position wait for another program's write lock: they are not worth
freezing the reader for, and the next move writes the position again."""
QUIET_ATTEMPT_MS = 20
"""How long one attempt at a quiet write holds the connection while another program writes."""
LOCKED_NOW = "The database is locked by another program; try again in a moment."
CHANGED_NOW = "The article was loaded again in another program since it was shown: ctrl+r shows it as it is now."
READ_ONLY_NOW = "The database is read-only: tags and notes can't be saved."
LIST_OUT_OF_DATE = "The list was out of date: that text left its article when the file was loaded again. Read anew."
EXPORTED_SECONDS = 3
"""How long the export's file name stays up: it covers the screen the export dialog closes onto."""
LANDED_SECONDS = 4
"""How long "Tag saved" stays up after a save that waited for another program."""


class TearsheetApp(App[None]):
    CSS_PATH = "tearsheet.tcss"
    TITLE = "tearsheet"
    BINDINGS = bindings(GLOBAL)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (150, "-very-wide")]

    def __init__(
        self, db: sqlite_utils.Database | str | os.PathLike[str], *, resume: bool = True, export_dir: str | None = None,
        load_problems: list[str] | None = None, load_skipped: list[str] | None = None,
    ) -> None:
        """`db` is an open database, or the path of one opened in a worker once the first screen is painted.

        The first screen needs no data, and opening the store (sqlite-utils' imports, the schema check) was
        a fifth of the reader's start-up.
        """
        super().__init__()
        is_path = isinstance(db, (str, os.PathLike))
        self._db = None if is_path else db
        self._db_path = Path(db) if is_path else None
        self.resume = resume
        self.export_dir = export_dir
        self.load_problems = load_problems or []
        self.load_skipped = load_skipped or []
        self.store_error: str | None = None
        self._db_lock = threading.RLock()
        self._opened = threading.Event()
        self._when_open: list[Callable[[], object]] = []
        self._notices_up: dict[str, Notification] = {}
        """The last notice of each message given with notify_once."""
        self.documents_seen: set[int] = set()
        """Documents shown in an article (so perhaps marked read, tagged) since the library last redrew their rows."""
        self.saves = SaveQueue(write=self._write_once, refused=self._job_not_saved, waiting=self._save_waits,
                               deliver=self._deliver_saved, start=self._start_saving)
        self._quit_when_saved = False
        self._quit_unsaved = False
        """Quit asked for twice while saves waited: quit once they come back, saved or not."""
        self.lost_on_quit: list[str] = []
        """What quitting without waiting left unsaved, said again once the reader has closed."""
        self.unsaved: set[SaveJob] = set()
        """Saves asked for whose results have not come back to the UI thread."""
        self._undoable: list[SaveJob] = []
        """Tags and notes among those, in the order asked for: an undo asked for meanwhile is of the last."""
        self._waiting_notices: dict[SaveJob, Notification] = {}
        """The notice of each save said to be waiting for another program, up until the save lands or is refused."""
        self._stale: weakref.WeakSet[Screen] = weakref.WeakSet()
        """Screens under the one in front when the reader last refreshed: each is read again when shown."""

    def store(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run a store function; the connection is shared between the UI thread and workers, one call at a time."""
        self._opened.wait()
        if self._db is None:
            raise StoreError(self.store_error or "the database is not open")
        with self._db_lock:
            return fn(self._db, *args, **kwargs)

    def save_later(
        self, what: str, fn: Callable[..., T], *args: object, then: Callable[[Saved[T] | None], object] | None = None,
        about: str = "",
    ) -> SaveJob:
        """Run a store function that writes, after the writes asked for before it, in a worker; `then` gets its
        result on the UI thread (None when the store refused it, having said why, and `about` which one)."""
        job = self._submit(SaveJob(what, fn, args, then, about=about))
        self._undoable.append(job)
        return job

    def undo_later(
        self, undo: Callable[[sqlite_utils.Database], str | None], then: Callable[[Saved[str | NotSaved | None] | None], object],
    ) -> SaveJob:
        """Undo the last change, after the writes asked for before: when that change is one still being saved
        and the store refuses it, nothing is undone (`then` gets NotSaved), rather than an older change."""
        last = self._undoable.pop() if self._undoable else None
        return self._submit(SaveJob("Undo", _undo_unless_unsaved, (undo, last), then))

    def _submit(self, job: SaveJob) -> SaveJob:
        self.unsaved.add(job)
        return self.saves.submit(job)

    def save(self, what: str, fn: Callable[..., T], *args: object, wait_ms: int | None = None) -> Saved[T] | None:
        """Run a store function that writes, here and now: it may wait seconds for another program, so the UI
        thread only uses it when a short `wait_ms` is given. If the store refuses (locked, read-only, a tag it
        cannot hold), say what was not saved and why, and answer None."""
        try:
            return Saved(self.store(_waiting_at_most, wait_ms, fn, *args))
        except StoreError as exc:
            self._not_saved(what, exc)
            return None

    def save_quietly(self, what: str, fn: Callable[..., object], *args: object, wait_ms: int = READING_WAIT_MS) -> bool:
        """A write not worth a wait or a warning (the read mark, the reading position): skipped without a word
        when another program holds the store past `wait_ms` or the store is read-only (said once, at start).

        Tried in short attempts, letting go of the connection between them: one wait of `wait_ms` held it, and
        every read the screen asked for meanwhile waited too."""
        give_up_at = time.monotonic() + wait_ms / 1000
        while True:
            try:
                self.store(_waiting_at_most, min(wait_ms, QUIET_ATTEMPT_MS), fn, *args)
            except StoreLocked:
                if time.monotonic() + saving.RETRY_AFTER >= give_up_at:
                    return False
                time.sleep(saving.RETRY_AFTER)
                continue
            except StoreReadOnly:
                return False
            except StoreError as exc:
                self._not_saved(what, exc)
                return False
            return True

    def _not_saved(self, what: str, error: StoreError, about: str = "") -> None:
        why = _why_not_saved(error)
        self.notify(f"{about}: {why}" if about else why, title=f"{what} not saved", severity="error", timeout=8,
                    markup=False)

    def _job_not_saved(self, job: SaveJob, error: StoreError) -> None:
        self._not_saved(job.what, error, job.about)
        if self._quit_unsaved:
            self.lost_on_quit.append(f"{job.what.lower()} not saved: {job.about + ': ' if job.about else ''}"
                                     f"{_why_not_saved(error)}")

    def _write_once(self, fn: Callable[..., Any], args: tuple[Any, ...], wait_ms: int) -> Any:
        return self.store(_waiting_at_most, wait_ms, fn, *args)

    def _save_waits(self, job: SaveJob) -> None:
        try:
            self.call_from_thread(self._show_waiting, job)
        except RuntimeError:
            pass  # the reader has closed: nothing is left to show the wait in

    def _show_waiting(self, job: SaveJob) -> None:
        """Say, until the save lands or is refused, that it waits for another program: in its dialog, and in a
        notice that also stands for the saves made without one (`.`, `u`)."""
        said = "Another program is writing to the database; saved as soon as it is done."
        notice = Notification(f"{job.about}: {said}" if job.about else said, title=f"{job.what}: waiting",
                              timeout=saving.PATIENCE + LANDED_SECONDS)
        self._waiting_notices[job] = notice
        self.post_message(Notify(notice))
        for screen in self.screen_stack:
            if isinstance(screen, SavingModal) and screen.job is job:
                screen.show_waiting()

    def _say_landed(self, job: SaveJob, result: Saved[Any] | None) -> None:
        """The waiting notice goes; a save that was said to wait says it landed (an undo says what it undid)."""
        notice = self._waiting_notices.pop(job, None)
        if notice is not None:
            self._unnotify(notice)  # Textual has no public way to withdraw one notification
        if result is not None and job.waited and job.about:
            self.notify(f"{job.about}, once the other program was done", title=f"{job.what} saved",
                        timeout=LANDED_SECONDS, markup=False)

    def _start_saving(self) -> None:
        self.run_worker(self.saves.drain, name="saves", group="saves", thread=True, exit_on_error=True)

    def _deliver_saved(self, job: SaveJob, result: Saved[Any] | None) -> None:
        try:
            self.call_from_thread(self._saved, job, result)
        except RuntimeError:
            pass  # the reader has closed: nothing is left to show the result in

    def _saved(self, job: SaveJob, result: Saved[Any] | None) -> None:
        self.unsaved.discard(job)
        self._say_landed(job, result)
        if job in self._undoable:
            self._undoable.remove(job)
        if job.then is not None:
            job.then(result)
        if not self._quit_when_saved:
            return
        if result is None and not self._quit_unsaved:
            self._quit_when_saved = False
        elif not self.unsaved:
            self._quit_when_saved = False
            if not self._quit_unsaved:
                self.call_after_refresh(self.run_action, "quit")
                return
            self._quit_unsaved = False
            # A dialog still open holds what was typed and refused: the reader stays open with it.
            if any(isinstance(screen, SavingModal) for screen in self.screen_stack):
                self.lost_on_quit.clear()  # the dialog keeps it, and the reader stays open
            else:
                self.call_after_refresh(self.run_action, "quit")

    def when_store_open(self, callback: Callable[[], object]) -> None:
        """Call back now if the database is open, else as soon as it is."""
        if self._opened.is_set():
            callback()
        else:
            self._when_open.append(callback)

    def _open_store(self) -> None:
        # sqlite-utils is imported here, on the UI thread: its import keeps numpy out by blocking it for the
        # whole process for a moment, which must not happen while a key press imports a screen that needs it.
        try:
            sqlite_utils_module()
        except Exception as exc:  # noqa: BLE001
            self._give_up(f"cannot open the database: sqlite-utils did not import ({type(exc).__name__}: {exc})")
            self._opened.set()
            return
        self._open_store_in_worker()

    @work(thread=True, exclusive=True, group="open-store", exit_on_error=False)
    def _open_store_in_worker(self) -> None:
        try:
            # The command saw documents in this file; gone since, it must not come back empty.
            self._db = open_db(self._db_path, create=False)
        except StoreError as exc:
            self._give_up(str(exc))
        except Exception as exc:  # noqa: BLE001 - whatever stops the open must end the reader with its reason
            self._give_up(f"{self._db_path}: cannot open the database ({type(exc).__name__}: {exc})")
        finally:
            self._opened.set()
        if self._db is not None:
            self.call_from_thread(self._store_opened)

    def _give_up(self, reason: str) -> None:
        self.store_error = reason
        self.exit(return_code=1)

    def _store_opened(self) -> None:
        callbacks, self._when_open = self._when_open, []
        for callback in callbacks:
            callback()
        if self.store(is_read_only):
            self.notify(
                f"{self.store(database_path)} is read-only: you can read, but tags, notes and where you are in "
                "each article won't be saved.",
                title="Read-only database", severity="warning", timeout=12, markup=False,
            )
        if self.resume:
            self._resume()

    def _resume(self) -> None:
        from tui.screens.library import LibraryScreen

        # Keys pressed while the store opened (a search begun, help) win over coming back to the last article.
        if not isinstance(self.screen, LibraryScreen):
            return
        last = self.store(last_opened)
        if last is not None:
            self.open_article(last)

    def _handle_exception(self, error: Exception) -> None:
        # A thread worker finds the app through its screen's parents; once that screen is closed (escape while
        # its rows were being read) it finds none. Its result was for a screen no one sees: drop it, not the app.
        if isinstance(error, WorkerFailed) and isinstance(error.error, NoActiveAppError):
            self.log.worker("dropped: a worker of a screen closed while it ran", repr(error.error))
            return
        super()._handle_exception(error)

    def open_article(
        self, doc_id: int, *, position: int | None = None, paragraph_id: int | None = None, query: str = ""
    ) -> None:
        """Show an article, in the one installed ArticleScreen unless that is already on the stack.

        A screen built and discarded per article left tens of thousands of objects to the cycle collector,
        whose full passes then landed on key presses.
        """
        from tui.screens.article import ArticleScreen

        screen = self._reusable(ArticleScreen, "article")
        if screen is None:
            screen = ArticleScreen(doc_id, position=position, paragraph_id=paragraph_id, query=query)
            self._install_once(screen, "article")
        else:
            screen.reopen(doc_id, position=position, paragraph_id=paragraph_id, query=query)
        self.push_screen(screen)

    def notify_once(self, message: str, *, timeout: float) -> None:
        """A notice not given again while the same one is still up: a key held at an edge would stack them."""
        shown = self._notices_up.get(message)
        if shown is not None and not shown.has_expired:
            return
        notice = Notification(message, timeout=timeout)
        self._notices_up[message] = notice
        self.post_message(Notify(notice))

    def replace_notice(self, shown: Notification | None, message: str | None, *, timeout: float) -> Notification | None:
        """Take down `shown` (if still up) and give `message` in its place; the notice now up, if any."""
        if shown is not None and not shown.has_expired:
            self._unnotify(shown)  # Textual has no public way to withdraw one notification
        if message is None:
            return None
        notice = Notification(message, timeout=timeout)
        self.post_message(Notify(notice))
        return notice

    def open_listed(self, doc_id: int, paragraph_id: int, text: str, n: int | None, *, query: str = "") -> bool:
        """Open an article at a paragraph a list showed, found again by its text if the article's file was loaded
        again since the list was read. False when the list is out of date, for its screen to read it again; when
        the text is not in the article any more, nothing is opened and the reader is told so."""
        found = self.store(paragraph_as_listed, doc_id, paragraph_id, text, n)
        if found is None:
            self.notify(LIST_OUT_OF_DATE, severity="warning", timeout=6, markup=False)
            return False
        # A headline or other hidden line is opened at its place, not by showing every hidden line to reach it.
        self.open_article(doc_id, position=found.position, paragraph_id=found.id if found.n is not None else None,
                          query=query)
        return found.id == paragraph_id

    def _reusable(self, cls: type[S], name: str) -> S | None:
        screen = self._installed_screens.get(name)
        if isinstance(screen, cls) and screen.is_mounted and screen not in self.screen_stack:
            return screen
        return None

    def _install_once(self, screen: Screen, name: str) -> None:
        if name not in self._installed_screens:
            self.install_screen(screen, name)

    def on_mount(self) -> None:
        from tui.screens.library import LibraryScreen

        # Start-up leaves tens of thousands of long-lived objects (widgets, CSS, modules); freezing them keeps
        # the collector from walking them all again during later key presses.
        self.call_after_refresh(self._first_frame_painted)
        self._thresholds = gc.get_threshold()
        gc.set_threshold(self._thresholds[0], self._thresholds[1], FULL_PASS_EVERY)
        self._last_input = time.monotonic()
        self._input_since_collect = False
        self.set_interval(COLLECT_WHEN_IDLE_FOR, self._collect_when_idle)

        self.screen_change_signal.subscribe(self, self._refresh_if_stale)
        self.push_screen(LibraryScreen())
        if self.load_skipped:
            self.notify(_first_lines(self.load_skipped), title="Skipped while loading", severity="warning", timeout=12,
                        markup=False)
        if self.load_problems:
            self.notify(_first_lines(self.load_problems), title=f"{counted(len(self.load_problems), 'file')} not loaded",
                        severity="error", timeout=12, markup=False)
        if self._db is None:
            self.call_after_refresh(self._open_store)
        else:
            self._opened.set()
            self._store_opened()

    async def action_quit(self) -> None:
        # What a screen holds unsaved (a note being written, a cursor moved a moment ago) is written first, after
        # the saves already asked for; what the store refuses (a note) keeps the reader open rather than lose it.
        if not self.unsaved:
            for screen in reversed(self.screen_stack):
                keep = getattr(screen, "keep_before_quit", None)
                if keep is not None and not keep():
                    break
            else:
                self.exit()
                return
        if not self.unsaved:
            return
        if self._quit_when_saved:
            self._quit_unsaved = True
            for job in list(self.unsaved):
                job.stop_waiting()
            if any(isinstance(screen, SavingModal) for screen in self.screen_stack):
                self.notify("Stopped waiting: the dialog keeps what you typed.", title="Not waiting", timeout=4)
            else:
                self.notify("Quitting without waiting for another program.", title="Not waiting", timeout=4)
            return
        self._quit_when_saved = True
        self.notify("Quitting once what is being saved is saved; quit again to stop waiting.", title="Saving",
                    timeout=4)

    def _first_frame_painted(self) -> None:
        gc.freeze()
        # tui.cli turns the collector off for start-up (see _run_reader); from here on it runs as paced above.
        gc.enable()

    def on_unmount(self) -> None:
        gc.set_threshold(*self._thresholds)
        # A worker still waiting for a store that will not open now gets StoreError instead of waiting forever.
        self._opened.set()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
            self._input_since_collect = True
        await super().on_event(event)

    def _collect_when_idle(self) -> None:
        if self._input_since_collect and time.monotonic() - self._last_input >= COLLECT_WHEN_IDLE_FOR:
            self._input_since_collect = False
            gc.collect()

    def watch_app_focus(self, focused: bool) -> None:
        # A screen pushed while the terminal was in the background (the resumed article, when the store
        # opened after a focus-out) got neither its auto focus nor its footer keys: Textual gives both only
        # to a focused app, and only once.
        if not focused:
            return
        screen = self.screen
        if screen.focused is None and screen.AUTO_FOCUS:
            target = next((w for w in screen.query(screen.AUTO_FOCUS) if w.focusable), None)
            if target is not None:
                screen.set_focus(target)
        screen.refresh_bindings()

    def on_app_focus(self, _: AppFocus) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        """Read the screen in front again now, and each screen under it when it is next shown."""
        self._stale.update(s for s in self.screen_stack if s is not self.screen and hasattr(s, "refresh_data"))
        refresh = getattr(self.screen, "refresh_data", None)
        if refresh is not None:
            refresh()

    def _refresh_if_stale(self, screen: Screen) -> None:
        if screen in self._stale:
            self._stale.discard(screen)
            screen.refresh_data()  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.action_select_query()
            return
        screen = self._reusable(SearchScreen, "search")
        if screen is None:
            screen = SearchScreen()
            self._install_once(screen, "search")
        else:
            screen.clear()
        self.push_screen(screen)

    def action_library(self) -> None:
        from tui.screens.library import LibraryScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def _open(self, screen_type: str) -> None:
        module, name = {
            "repeats": ("tui.screens.repeats", "RepeatsScreen"),
            "figures": ("tui.screens.figures", "FiguresScreen"),
            "tags": ("tui.screens.tags", "TagsScreen"),
        }[screen_type]
        cls = getattr(__import__(module, fromlist=[name]), name)
        if not isinstance(self.screen, cls):
            self.push_screen(cls())

    def action_repeats(self) -> None:
        self._open("repeats")

    def action_figures(self) -> None:
        self._open("figures")

    def action_tags(self) -> None:
        self._open("tags")

    def action_export(self) -> None:
        from tui.screens.export import ExportModal

        self.push_screen(ExportModal())

    @on(events.DeliveryComplete)
    def _exported(self, event: events.DeliveryComplete) -> None:
        from tui.screens.export import DELIVERY

        if event.name == DELIVERY:
            where = shown_path(event.path) if event.path is not None else "Delivered"
            self.notify(where, title="Exported", timeout=EXPORTED_SECONDS, markup=False)

    @on(events.DeliveryFailed)
    def _export_failed(self, event: events.DeliveryFailed) -> None:
        from tui.screens.export import DELIVERY

        if event.name == DELIVERY:
            self.notify(f"Could not write the export: {event.exception}", title="Export", severity="error", timeout=10)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every command by name, once: the global ones and those of the screen in front, then Textual's own
        (Theme, Screenshot…) except those named like one of ours (its Keys panel, its Quit)."""
        ours = list(self._own_commands(screen))
        titles = {command.title for command in ours}
        yield from ours
        yield from (command for command in super().get_system_commands(screen) if command.title not in titles)

    def _own_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from tui.commands import GROUPS

        # A command shared by several screens (Back, Down…) is labelled with the screen in front, not the first listed.
        screen_commands = getattr(screen, "COMMAND_SET", ())
        for group, commands in GROUPS.items():
            if commands is not GLOBAL and commands is not screen_commands:
                continue
            for command in commands:
                if not command.palette:
                    continue
                action = command.action
                target: App | Screen = self if action.startswith("app.") else screen
                yield SystemCommand(
                    command.description, f"{command.key_display}  ·  {group}", _runner(target, action.removeprefix("app."))
                )


def _undo_unless_unsaved(
    db: sqlite_utils.Database, undo: Callable[[sqlite_utils.Database], str | None], last: SaveJob | None,
) -> str | NotSaved | None:
    if last is not None and last.saved is False:
        return NotSaved(last.what)
    return undo(db)


def _waiting_at_most(db: sqlite_utils.Database, wait_ms: int | None, fn: Callable[..., T], *args: object) -> T:
    with waiting_at_most(db, wait_ms):
        return fn(db, *args)


def shown_path(path: Path) -> str:
    """`path` as short as it can be said: from `~` when it is under the home folder."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def _first_lines(lines: list[str], most: int = 5) -> str:
    more = f"\n… and {len(lines) - most} more" if len(lines) > most else ""
    return "\n".join(lines[:most]) + more


def _why_not_saved(error: StoreError) -> str:
    if isinstance(error, StoreLocked):
        return LOCKED_NOW
    if isinstance(error, StoreReadOnly):
        return READ_ONLY_NOW
    if isinstance(error, ParagraphChanged):
        return CHANGED_NOW
    return str(error)


def _runner(target: App | Screen, action: str) -> Callable[[], object]:
    return lambda: target.run_action(action)
