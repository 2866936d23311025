"""A dialog that closes once what it asked to save is saved.

While another program holds the database the dialog stays open and says it is waiting for it; a save the store
refuses leaves it open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.screen import ModalScreen

from tui.saving import SaveJob

T = TypeVar("T")
SaveFunction = Callable[[T, Callable[[bool], None]], "SaveJob | None"]
"""Starts saving a value and calls back with whether it was saved; None when it called back already."""
WAITING = "Waiting for another program to finish writing to the database; saved as soon as it is done ({stop})."


class SavingModal(ModalScreen[T | None], Generic[T]):
    def __init__(self, save: SaveFunction[T]) -> None:
        super().__init__()
        self.save = save
        self.job: SaveJob | None = None
        self._stopped = False
        self._landed: tuple[T, bool] | None = None
        """A save that came back while another screen was in front, finished when the dialog is again."""

    def commit(self, value: T) -> None:
        """Save the value, then close with it."""
        if self.job is not None:
            return
        self._stopped = False
        self.show_saving(True)
        self.job = self.save(value, lambda saved: self._saved(value, saved))

    def stop_waiting(self) -> bool:
        """Give up a save that waits for another program, closing the dialog unsaved unless the save was made
        meanwhile; whether one was under way."""
        if self.job is None:
            return False
        self._stopped = True
        self.job.stop_waiting()
        return True

    def _saved(self, value: T, saved: bool) -> None:
        self.job = None
        if self not in self.app.screen_stack:
            return
        if self.app.screen is not self:
            # Dismissing pops the screen in front: the palette or help opened over the dialog meanwhile.
            self._landed = (value, saved)
            return
        self._finish(value, saved)

    def on_screen_resume(self) -> None:
        if self._landed is not None:
            (value, saved), self._landed = self._landed, None
            self._finish(value, saved)

    def _finish(self, value: T, saved: bool) -> None:
        if saved:
            self.dismiss(value)
        elif self._stopped:
            self.dismiss(None)
        else:
            self.show_saving(False)

    def show_saving(self, saving: bool) -> None:
        """Show that a save is under way (or no longer), and keep what was typed from changing meanwhile."""
        raise NotImplementedError

    def show_waiting(self) -> None:
        """Show that the save under way waits for another program's write (`show_saving(False)` ends it)."""
        raise NotImplementedError
