"""The reader's writes (tags, notes, undo), made off the UI thread one at a time, in the order asked for.

Another program's write lock (a `tearsheet load` grouping a large collection holds it for seconds) is waited
for in short attempts, the shared connection released between them, so the reader keeps reading and drawing
meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from store.db import StoreError, StoreLocked

T = TypeVar("T")

ATTEMPT_MS = 100
"""How long one attempt waits for another program's write lock, holding the reader's connection."""
RETRY_AFTER = 0.05
PATIENCE = 30.0
"""Seconds a write waits for another program before it is given up (and said not saved)."""
SAY_WAITING_AFTER = 0.5
"""Seconds a write waits for another program before the reader says it is waiting: a `tearsheet load` lets go of
the file between its batches, and a wait shorter than this is no more than any save takes."""


@dataclass(frozen=True, slots=True)
class Saved(Generic[T]):
    """A write the store took, with what its function returned (true even when that is None)."""

    value: T


@dataclass(frozen=True, slots=True)
class NotSaved:
    """What an undo answers when the change it was asked for after was not saved: it undoes nothing older."""

    what: str


@dataclass(eq=False)
class SaveJob:
    what: str
    """What is being saved, as the user knows it: "Tag", "Note", "Undo"."""
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    then: Callable[[Saved[Any] | None], object] | None
    stopped: threading.Event = field(default_factory=threading.Event)
    saved: bool | None = None
    """Whether the store took it; None until it has been tried."""
    about: str = ""
    """Which one, said when it waits and when it lands or is not saved: `“casualties” on ¶5`."""
    waited: bool = False
    """Whether it was said to be waiting for another program (so its landing is said too)."""

    def stop_waiting(self) -> None:
        """Give up waiting for another program's lock; a write already made stands."""
        self.stopped.set()


class SaveQueue:
    """Jobs run by one worker at a time. `write(fn, args, wait_ms)` makes one attempt, `refused(job, error)`
    says why a job was not saved, `waiting(job)` that it has waited SAY_WAITING_AFTER for another program and
    still does, `deliver(job, result)` hands each result to the UI thread, and `start()` starts a worker that
    calls `drain`."""

    def __init__(
        self,
        write: Callable[[Callable[..., Any], tuple[Any, ...], int], Any],
        refused: Callable[[SaveJob, StoreError], None],
        waiting: Callable[[SaveJob], None],
        deliver: Callable[[SaveJob, Saved[Any] | None], None],
        start: Callable[[], None],
    ) -> None:
        self._write, self._refused, self._waiting, self._deliver, self._start = write, refused, waiting, deliver, start
        self._jobs: deque[SaveJob] = deque()
        self._lock = threading.Lock()
        self._draining = False

    def submit(self, job: SaveJob) -> SaveJob:
        with self._lock:
            self._jobs.append(job)
            start, self._draining = not self._draining, True
        if start:
            self._start()
        return job

    def drain(self) -> None:
        """Run the jobs until none is left (in a worker)."""
        while True:
            with self._lock:
                if not self._jobs:
                    self._draining = False
                    return
                job = self._jobs.popleft()
            result = self._run(job)
            job.saved = result is not None
            self._deliver(job, result)

    def _run(self, job: SaveJob) -> Saved[Any] | None:
        started = time.monotonic()
        while True:
            try:
                return Saved(self._write(job.fn, job.args, ATTEMPT_MS))
            except StoreLocked as exc:
                waited = time.monotonic() - started
                if job.stopped.is_set() or waited >= PATIENCE:
                    self._refused(job, exc)
                    return None
                if not job.waited and waited >= SAY_WAITING_AFTER:
                    job.waited = True
                    self._waiting(job)
                job.stopped.wait(RETRY_AFTER)
            except StoreError as exc:
                self._refused(job, exc)
                return None
