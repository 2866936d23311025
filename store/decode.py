"""Bytes → text, or a one-line reason why a file is not an article."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_BYTES = 64 * 1024 * 1024


class NotText(ValueError):
    """The file cannot be read as an article; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> Decoded:
    if not data:
        raise NotText("empty file")
    if len(data) > MAX_BYTES:
        raise NotText(f"file is {len(data) / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit for one article file")
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding:
        try:
            return _checked(data.decode(encoding), encoding)
        except UnicodeDecodeError as exc:
            raise NotText(f"starts like {encoding.upper()} but byte {exc.start} is invalid") from exc
    if b"\x00" in data:
        raise NotText("binary file (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _reads_as_cyrillic(data):
        try:
            return _checked(data.decode("cp1251"), "cp1251")
        except UnicodeDecodeError:
            pass
    try:
        # News scraped from older sites is most often Windows-1252 when it is not UTF-8.
        return _checked(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as exc:
        raise NotText(
            f"neither UTF-8 nor Windows-1252 (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8"
        ) from exc


CYRILLIC_SAMPLE = 256 * 1024
# Windows-1251 puts А–я at 0xC0–0xFF, where Windows-1252 has À–ÿ (and × ÷): Cyrillic words read as runs of them.
_LATIN1_RUN = re.compile("[\u00c0-\u00ff]{2,}")
_LETTER = re.compile("[^\\W\\d_]|[\u00d7\u00f7]")
_CYRILLIC_SHARE = 0.6


def _reads_as_cyrillic(data: bytes) -> bool:
    """True when, read as Windows-1252, well over half the letters are À–ÿ in runs of two or more."""
    sample = data[:CYRILLIC_SAMPLE].decode("cp1252", errors="replace")
    letters = len(_LETTER.findall(sample))
    in_runs = sum(len(run) for run in _LATIN1_RUN.findall(sample))
    return letters > 0 and in_runs > _CYRILLIC_SHARE * letters


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip():
        raise NotText("empty file (only whitespace)")
    controls = sum(1 for ch in text[:8192] if ch < " " and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:8192]) // 100):
        raise NotText("binary file (control characters), not text")
    return Decoded(text, encoding)
