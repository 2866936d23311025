"""What grouping a whole collection needs of every text but only a part at a time: the texts themselves,
their LSH band keys and their word codes. Held in a temporary file past a size, so that grouping's memory
stays flat however many texts there are."""

from __future__ import annotations

import ctypes
import functools
import os
import tempfile
import threading
from collections.abc import Sequence
from operator import itemgetter

import numpy as np

IN_MEMORY_BYTES = 1 << 20
"""Below this a spool stays in memory: small batches (a later load, a test) skip the file."""


@functools.cache
def _libc(name: str) -> ctypes._CFuncPtr | None:
    # The process's own symbols: ctypes.util.find_library would start a compiler or ldconfig to look.
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError, TypeError):
        return None


_M_ARENA_MAX = -8


@functools.cache
def share_one_malloc_arena() -> None:
    """Make threads started from now on allocate from the main arena (glibc), for the rest of the process:
    grouping's short-lived thread pools each left an arena of freed blocks behind, 10-15 MB at 10,000
    articles, against ~3% of its time. The reader's few threads do not allocate enough to contend."""
    mallopt = _libc("mallopt")
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, 1)


def release_freed_memory() -> None:
    """Hand memory freed by a finished stage back to the system (glibc keeps it, in every thread's arena,
    for later allocations): otherwise each stage's leftovers stack under the next one's peak. A no-op
    where the C library has no malloc_trim."""
    trim = _libc("malloc_trim")
    if trim is not None:
        trim(0)


class TextSource:
    """Texts by position, taken a block at a time."""

    def __len__(self) -> int:
        raise NotImplementedError

    def take(self, rows: np.ndarray) -> list[str]:
        raise NotImplementedError

    def lengths(self) -> np.ndarray:
        """Characters in each text."""
        raise NotImplementedError


class ListTexts(TextSource):
    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    def take(self, rows: np.ndarray) -> list[str]:
        if len(rows) == 0:
            return []
        if len(rows) == 1:
            return [self.texts[int(rows[0])]]
        return list(itemgetter(*np.asarray(rows).tolist())(self.texts))

    def lengths(self) -> np.ndarray:
        return np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))


def text_source(texts: Sequence[str] | TextSource) -> TextSource:
    return texts if isinstance(texts, TextSource) else ListTexts(texts)


_POSITIONED = hasattr(os, "pread") and hasattr(os, "pwrite")
"""Windows has neither: there the spool seeks and reads under a lock (bands are read from two threads)."""


class _Backing:
    """Bytes at offsets, in memory or in an anonymous temporary file."""

    def __init__(self, on_disk: bool, size: int = 0) -> None:
        self.file = tempfile.TemporaryFile(prefix="tearsheet-") if on_disk else None
        self.memory = None if on_disk else bytearray(size)
        self.lock = threading.Lock()

    def write(self, offset: int, data: bytes | np.ndarray) -> None:
        data = memoryview(data).cast("B")
        if self.file is None:
            self.memory[offset:offset + len(data)] = data
        elif _POSITIONED:
            os.pwrite(self.file.fileno(), data, offset)
        else:
            with self.lock:
                self.file.seek(offset)
                self.file.write(data)

    def read(self, offset: int, size: int) -> bytes:
        if self.file is None:
            return bytes(self.memory[offset:offset + size])
        if _POSITIONED:
            data = os.pread(self.file.fileno(), size, offset)
        else:
            with self.lock:
                self.file.seek(offset)
                data = self.file.read(size)
        assert len(data) == size, "spool file shorter than written"
        return data

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        self.memory = None


class BandSpool:
    """(rows, bands) int64 keys, appended a block of rows at a time and read a band (column) at a time."""

    def __init__(self, capacity: int, bands: int) -> None:
        self.capacity, self.bands, self.count = capacity, bands, 0
        size = capacity * bands * 8
        self.backing = _Backing(size > IN_MEMORY_BYTES, size)

    def __len__(self) -> int:
        return self.count

    def append(self, keys: np.ndarray) -> None:
        m = len(keys)
        assert self.count + m <= self.capacity and keys.shape[1] == self.bands
        for band in range(self.bands):
            column = np.ascontiguousarray(keys[:, band], dtype=np.int64)
            self.backing.write((band * self.capacity + self.count) * 8, column)
        self.count += m

    def column(self, band: int, start: int = 0, stop: int | None = None) -> np.ndarray:
        stop = self.count if stop is None else stop
        data = self.backing.read((band * self.capacity + start) * 8, (stop - start) * 8)
        return np.frombuffer(data, dtype=np.int64)

    def rows(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        stop = self.count if stop is None else stop
        out = np.empty((stop - start, self.bands), dtype=np.int64)
        for band in range(self.bands):
            out[:, band] = self.column(band, start, stop)
        return out

    def close(self) -> None:
        self.backing.close()


class CodeSpool:
    """Word-coded texts (one character per word, see `minhash.Signatures.codes`), appended in blocks
    and read back by position."""

    def __init__(self, on_disk: bool) -> None:
        self.on_disk = on_disk
        self.backing = _Backing(True) if on_disk else None
        self.held: list[str] = []
        self.ends: list[np.ndarray] = []
        self.offsets = np.zeros(1, dtype=np.int32)
        self.size = 0

    def append(self, codes: Sequence[str]) -> None:
        if not self.on_disk:
            self.held.extend(codes)
            return
        data = "".join(codes).encode("utf-32-le")
        self.backing.write(self.size * 4, data)
        ends = self.size + np.cumsum(np.fromiter(map(len, codes), dtype=np.int64, count=len(codes)))
        # One offset a text, held while grouping runs: 4 bytes each until the codes pass 2**31 words.
        self.ends.append(ends.astype(np.int32) if not len(ends) or ends[-1] < 2**31 else ends)
        self.size += len(data) // 4

    def take(self, rows: np.ndarray) -> list[str]:
        """Codes at these positions (ascending); runs of consecutive positions are read at once."""
        rows = np.asarray(rows, dtype=np.int64)
        if not self.on_disk:
            return ListTexts(self.held).take(rows)
        if self.ends:
            self.offsets = np.concatenate((self.offsets, *self.ends))
            self.ends = []
        out: list[str] = []
        if len(rows) == 0:
            return out
        breaks = np.flatnonzero(np.diff(rows) != 1) + 1
        firsts = rows[np.concatenate(([0], breaks))].tolist()
        lasts = (rows[np.concatenate((breaks - 1, [len(rows) - 1]))] + 1).tolist()
        offsets = self.offsets
        for first, last in zip(firsts, lasts):
            begin, end = int(offsets[first]), int(offsets[last])
            text = self.backing.read(begin * 4, (end - begin) * 4).decode("utf-32-le")
            cuts = (offsets[first:last + 1] - begin).tolist()
            out.extend(text[a:b] for a, b in zip(cuts, cuts[1:]))
        return out

    def close(self) -> None:
        if self.backing is not None:
            self.backing.close()
        self.held = []


class ArraySpool:
    """An array of one type (rows of `width` values when given), appended a block at a time and read back
    whole or by a range of rows: on disk when `on_disk`, so that it weighs nothing while other stages run."""

    def __init__(self, dtype: type | np.dtype, on_disk: bool, width: int | None = None) -> None:
        self.dtype = np.dtype(dtype)
        self.width = width
        self.backing = _Backing(True) if on_disk else None
        self.parts: list[np.ndarray] = []
        self.count = 0

    def __len__(self) -> int:
        return self.count

    @property
    def _row_bytes(self) -> int:
        return self.dtype.itemsize * (self.width or 1)

    def _shaped(self, values: np.ndarray) -> np.ndarray:
        return values if self.width is None else values.reshape(-1, self.width)

    def append(self, values: np.ndarray) -> None:
        values = np.ascontiguousarray(values, dtype=self.dtype)
        if self.backing is None:
            self.parts.append(values)
        elif len(values):
            self.backing.write(self.count * self._row_bytes, values.reshape(-1))
        self.count += len(values)

    def read(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Rows start to stop (all of them by default)."""
        stop = self.count if stop is None else min(stop, self.count)
        start = min(start, stop)
        if self.backing is None:
            if len(self.parts) != 1:
                self.parts = [np.concatenate([self._shaped(np.empty(0, self.dtype)), *self.parts])]
            return self.parts[0][start:stop]
        data = self.backing.read(start * self._row_bytes, (stop - start) * self._row_bytes)
        return self._shaped(np.frombuffer(data, dtype=self.dtype))

    def close(self) -> None:
        if self.backing is not None:
            self.backing.close()
        self.parts = []


def key_edges(count: int) -> np.ndarray:
    """Inner bounds splitting the int64 key space into `count` even ranges (keys are hashes)."""
    return np.array([int(e) for e in np.linspace(-(2**63), 2**63, count + 1, dtype=object)[1:-1]], dtype=np.int64)


def range_order(keys: np.ndarray, edges: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Positions of `keys` grouped by range of key values (ascending within a range), and where each
    range starts and ends in that order."""
    slot = np.searchsorted(edges, keys, side="right")
    bounds = [0, *np.cumsum(np.bincount(slot, minlength=len(edges) + 1)).tolist()]
    return np.argsort(slot.astype(np.int16) if len(edges) < 2**15 else slot, kind="stable"), bounds


class KeyRuns:
    """Columns of keys, each with the item of every key, regrouped by ranges of key values (`edges`, the
    inner bounds): each range can then be read from every column in turn, one pass over each."""

    def __init__(self, edges: np.ndarray, count: int, columns: int) -> None:
        self.edges, self.count, self.columns = np.asarray(edges, dtype=np.int64), count, columns
        size = count * columns * 16
        self.backing = _Backing(size > IN_MEMORY_BYTES, size)
        self.bounds = np.zeros((columns, len(self.edges) + 2), dtype=np.int64)

    def put(self, column: int, keys: np.ndarray, items: np.ndarray) -> None:
        order, bounds = range_order(keys, self.edges)
        self.bounds[column] = bounds
        base = column * self.count * 16
        self.backing.write(base, np.ascontiguousarray(keys[order], dtype=np.int64))
        self.backing.write(base + self.count * 8, np.ascontiguousarray(items[order], dtype=np.int64))

    def range(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """(keys, items) of range `index` from every column."""
        keys, items = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
        for column in range(self.columns):
            first, last = int(self.bounds[column, index]), int(self.bounds[column, index + 1])
            base = column * self.count * 16
            keys.append(np.frombuffer(self.backing.read(base + first * 8, (last - first) * 8), dtype=np.int64))
            items.append(np.frombuffer(
                self.backing.read(base + (self.count + first) * 8, (last - first) * 8), dtype=np.int64))
        return np.concatenate(keys), np.concatenate(items)

    def close(self) -> None:
        self.backing.close()
