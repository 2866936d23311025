"""Publication dates of articles, parsed with dateutil; never invented."""

from __future__ import annotations

import calendar
import re
from datetime import date

from dateutil import parser
from dateutil.relativedelta import relativedelta

_NUMERIC_DMY = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{4}(?:$|[\sT,])")
"""A numeric date written day first, alone or before a time (`03/06/2025 09:15`, `03.06.2025, 9:15`)."""
_YEAR_FIRST = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}\b")
_DEFAULT = parser.parse("2000-01-01")

# Ukrainian and Russian month names by their stems (any case ending: "березня", "марта"), for dateutil, which reads
# English ones; the longer stem first where one begins another ("мар" before "ма").
CYRILLIC_MONTHS = {
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9, "жовт": 10,
    "листоп": 11, "груд": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11,
    "дек": 12,
}
DAY_OF_MONTH_CYRILLIC = {
    word: number for words in (
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    ) for number, word in enumerate(words.split(), start=1)
}
"""Month names as a day of the month takes them ("12 березня", "5 марта"): whole words, since their stems begin
other words too (червоних, "red", for червня)."""
MONTH_WORDS_CYRILLIC = DAY_OF_MONTH_CYRILLIC | {
    word: number for words in (
        "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    ) for number, word in enumerate(words.split(), start=1)
}
"""Ukrainian and Russian month names, as they stand alone (березень, март) and after a day (березня, марта)."""
_STEMS = "|".join(sorted(CYRILLIC_MONTHS, key=len, reverse=True))
CYRILLIC_MONTH = r"(?:%s)[а-яіїєґ]*\.?" % _STEMS
"""A Ukrainian or Russian month name, whole or cut short."""
_CYRILLIC_MONTH_WORD = re.compile(r"(?<!\w)(%s)[а-яіїєґ]*\.?" % _STEMS, re.IGNORECASE)
_YEAR_WORD = re.compile(r"(?<=\d)\s*(?:р\.|року|рік|г\.|года|год)(?!\w)", re.IGNORECASE)
""""2025 р.", "2025 года": the word "year" after a year."""


def _english_months(text: str) -> str:
    if text.isascii():
        return text
    text = _YEAR_WORD.sub("", text)
    return _CYRILLIC_MONTH_WORD.sub(lambda m: calendar.month_name[CYRILLIC_MONTHS[m.group(1).lower()]], text)


def parse_date(raw: str, *, dayfirst: bool = False) -> date | None:
    """A full calendar date, or None when the text does not name one (no day or year is filled in)."""
    text = _english_months(raw.strip())
    if not text:
        return None
    # A year written first is ISO order (2025-05-11 is 11 May), whatever the day-first convention of the rest.
    dayfirst = (dayfirst or bool(_NUMERIC_DMY.match(text))) and not _YEAR_FIRST.match(text)
    try:
        # Two different defaults reveal a missing day, month or year instead of silently filling it.
        one = parser.parse(text, dayfirst=dayfirst, default=_DEFAULT)
        two = parser.parse(text, dayfirst=dayfirst, default=_DEFAULT.replace(year=2001, month=2, day=2))
    except (ValueError, OverflowError):
        return None
    if one.date() != two.date():
        return None
    return one.date()


def resolve_ago(n: int, unit: str, reference: date | None) -> date | None:
    """'an hour ago', '3 days ago' against the page's date; None without one. Sub-day spans keep the day."""
    if reference is None:
        return None
    unit = unit.lower().rstrip("s")
    if unit in ("second", "minute", "hour"):
        return reference
    delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n),
             "month": relativedelta(months=n), "year": relativedelta(years=n)}[unit]
    return reference - delta
