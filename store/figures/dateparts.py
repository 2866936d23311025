"""Shared pieces of date recognition: month and weekday names, the candidate record, year choice and tense."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dateutil.relativedelta import MO, relativedelta
from dateutil import relativedelta as rd

from .numbers import ORDINALS, SMALL, TENS, parse_words

MONTHS: dict[str, int] = {}


for _i, _names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1):
    for _n in _names:
        MONTHS[_n] = _i


WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6,
}


RD_WEEKDAYS = (rd.MO, rd.TU, rd.WE, rd.TH, rd.FR, rd.SA, rd.SU)


MONTH_NAMES = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"


ABBR_DOT = r"(?:(?<=[jJ]an|[fF]eb|[mM]ar|[aA]pr|[jJ]un|[jJ]ul|[aA]ug|[sS]ep|[oO]ct|[nN]ov|[dD]ec)\.|(?<=[sS]ept)\.)?"


MONTH_WORD = rf"(?P<mon>{MONTH_NAMES})\b" + ABBR_DOT


ORD_WORD_DAY = (
    r"(?:(?:twenty|thirty)[\s-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)


_DAY = r"(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:]))"


YEAR_WORD = r"(?P<year>(?:1[6-9]|20)\d\d|'\d\d)(?![\d%])"


WEEKDAY_LEAD = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat)\b\.?(?:,\s*+|\s*+)(?:the\s++)?)?"


LOOKAHEAD = re.compile(
    r"(?=[wsgpedutnia'])\b(?:will|shall|going\s+to|plans?\s+to|planned|planning|plans|scheduled|expected|due\s+(?:to|by|on)|to\s+be\s+held|upcoming|next|wants?\s+to|intends?\s+to|set\s+to|to\s+meet|to\s+travel|to\s+visit|would\s+(?:meet|travel|visit|hold|arrive|begin|start|resume|be\s+(?:sent|delivered|held|signed|released|ready|completed))|is\s+to|are\s+to|aims?\s+to)\b|'ll\b",
    re.I,
)


# re.I matches these with i or s, and str.lower() does not turn them into those letters.
ODD_FOLD = re.compile("[İıſ]")


_WORD = re.compile(r"\w+")


def words_of(text: str) -> frozenset[str] | None:
    """The words (runs of \\w) of text in lower case; None when lower case would hide a word re.I can match."""
    if not text.isascii() and ODD_FOLD.search(text):
        return None
    return frozenset(_WORD.findall(text.lower()))


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields, trying only at starts: ascending, holding every place a match can begin."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            # After an empty match finditer goes on from the next place, as here.
            end = m.end() if m.end() > s else s + 1


class Coverage:
    """Which characters of a text are already taken by a figure."""

    __slots__ = ("mask",)

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def hits(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) != -1

    def first(self, start: int, end: int) -> int:
        return self.mask.find(1, start, end)

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.mask[start:end] = b"\x01" * (end - start)


@dataclass(slots=True)
class DateCand:
    start: int
    end: int
    kind: str = "date"
    resolved: str | None = None
    resolved_end: str | None = None
    granularity: str | None = None
    relative: bool = False
    value: float | None = None
    unit: str | None = None
    approx: str | None = None
    priority: int = 5
    day: dt.date | None = None
    time: str | None = None
    extras: dict = field(default_factory=dict)


def day_number(raw: str) -> int | None:
    s = raw.lower().strip()
    m = re.match(r"(\d+)", s)
    if m:
        return int(m.group(1))
    s = re.sub(r"[\s-]+", " ", s)
    parts = s.split()
    total = 0
    for p in parts:
        if p in ORDINALS:
            total += ORDINALS[p]
        elif p in SMALL:
            total += SMALL[p]
        elif p in TENS:
            total += TENS[p]
        else:
            return None
    return total or None


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nearest_year_day(m: int, d: int, pub: dt.date, ahead: bool = False) -> dt.date | None:
    best: dt.date | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        c = valid_date(y, m, d)
        if c is None:
            continue
        if ahead and c < pub - dt.timedelta(days=7):
            continue
        if best is None or abs((c - pub).days) < abs((best - pub).days):
            best = c
    return best


def nearest_year_month(m: int, pub: dt.date) -> int:
    idx = pub.year * 12 + pub.month - 1
    best_y, best_d = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = abs(y * 12 + m - 1 - idx)
        if best_d is None or d < best_d or (d == best_d and y < best_y):
            best_y, best_d = y, d
    return best_y


def year_of(raw: str) -> int:
    raw = raw.strip("'’")
    y = int(raw)
    if y < 100:
        y += 2000 if y < 50 else 1900
    return y


def month_ok(text: str, m: re.Match[str], group: str = "mon") -> bool:
    word = m.group(group)
    low = word.lower()
    if low in ("may", "march", "mar"):
        if word[0].islower() and low != "may":
            return False
        if low == "may" and word == "May":
            s = m.start(group)
            if s == 0 or re.search(r"[.!?\"“]\s*$", text[max(0, s - 3):s]):
                return bool(re.match(r"\s*\d", text[m.end(group):m.end(group) + 3]))
        if low == "may" and word == "may":
            return bool(re.search(r"\b(?:in|of|since|until|by|from|early|mid|late)\s+$", text[max(0, m.start(group) - 8):m.start(group)], re.I)) or bool(re.match(r"\s*\d", text[m.end(group):m.end(group) + 3]))
    return True


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos), text.rfind("\n", 0, pos))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (text.find(". ", pos), text.find("! ", pos), text.find("? ", pos), text.find("\n", pos)) if i >= 0]
    return left, (min(rights) if rights else len(text))


# The past forms of irregular verbs; "said" and "told" are left out (they report, and date nothing), and so is "left"
# ("two days left").
IRREGULAR_PAST = frozenset(
    """became began bought brought broke built came chose drew drove fell fled flew fought forgot found gave got grew
    held kept knew led lost made meant met paid ran rang rose sank sat saw sent shot slept sold spent spoke stood
    stole struck swore took taught thought threw understood went won wore wrote withdrew withheld withstood overtook
    undertook overcame oversaw overran underwent upheld rebuilt sought swept shook froze""".split()
)
# A participle after a present auxiliary ("aid is promised", "has pledged", "must be spent") is not the past tense.
PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|ago|earlier|previously|last)\b"
    r"|(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bhas\s)(?<!\bhave\s)"
    r"\b(?:[a-z]{3,}ed|%s)\b" % "|".join(sorted(IRREGULAR_PAST)),
    re.I,
)
# A deadline word before a date: "by June", "until Friday", "no later than 5 May".
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|before|(?:no|not)\s+later\s+than)\s+(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:early|mid|late)[\s-]+)?$",
    re.I,
)
# "and" before an auxiliary starts a second predicate with its own tense: "rose in October and are expected to rise".
CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but)\b|;|\s+but\s+|\s+(?:—|–|--)\s+"
    r"|\s+and\s+(?=(?:is|are|was|were|will|would|shall|should|can|could|may|might|must|has|have|had)\s)"
)


def quote_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """The quoted stretch pos is in, or None: straight quotes pair up from the start of text, curly ones open and close."""
    before = text.rfind("“", 0, pos), text.rfind("”", 0, pos)
    if before[0] > before[1]:
        close = text.find("”", pos)
        return before[0] + 1, close if close >= 0 else len(text)
    if text.count('"', 0, pos) % 2:
        close = text.find('"', pos)
        return text.rfind('"', 0, pos) + 1, close if close >= 0 else len(text)
    return None


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause holding pos: its sentence, narrowed to a quotation it is in (or to what stands outside one beside
    it) and to ", and", ";", "but" around it."""
    a, b = sentence_bounds(text, pos)
    quoted = quote_bounds(text, pos)
    if quoted:
        a, b = max(a, quoted[0]), min(b, quoted[1])
    else:
        a, b = _beside_an_utterance(text, pos, a, b)
    for m in CLAUSE_BREAK.finditer(text, a, b):
        if m.end() <= pos:
            a = m.end()
        elif m.start() >= pos:
            b = m.start()
            break
    return a, b


def _beside_an_utterance(text: str, pos: int, a: int, b: int) -> tuple[int, int]:
    """a to b without a quoted utterance beside pos, whose tense is the speaker's, not the clause's: '"We will win,"
    Zelensky said on March 11' tells of March 11 in the past. An utterance ends in its own punctuation (`win,"`) or
    follows a colon or comma (`said: "…`); a few quoted words inside the clause ('the plant "will close" in
    December') stay in it."""
    close = max(text.rfind("”", a, pos), text.rfind('"', a, pos))
    if close > a and text[close - 1] in ",.!?":
        a = close + 1
    opening = min((q for q in (text.find("“", pos, b), text.find('"', pos, b)) if q >= 0), default=-1)
    if opening >= 0 and text[a:opening].rstrip().endswith((":", ",")):
        b = opening
    return a, b


def after_deadline_word(text: str, start: int) -> bool:
    return DEADLINE_BEFORE.search(text, max(0, start - 40), start) is not None


def looks_back(text: str, start: int, end: int | None = None) -> bool:
    """Whether the clause holding start is told in the past; with `end`, start to end (a span, "the next two
    weeks") is left out of the clause's future cues."""
    a, b = clause_bounds(text, start)
    if not PAST_CUE.search(text, a, b):
        return False
    if end is None:
        return not LOOKAHEAD.search(text, a, b)
    return not (LOOKAHEAD.search(text, a, start) or LOOKAHEAD.search(text, end, b))


def looks_ahead(text: str, start: int) -> bool:
    """Whether a date without a year at start is still to come: a future cue in its clause, or a deadline
    ("by June", "until Friday") in a clause not told in the past."""
    a, b = clause_bounds(text, start)
    if LOOKAHEAD.search(text, a, b):
        return True
    return after_deadline_word(text, start) and not PAST_CUE.search(text, a, b)


def week_start(d: dt.date) -> dt.date:
    return d + relativedelta(weekday=MO(-1))


def iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def is_unit(word: str) -> bool:
    from .units import UNITS

    return word in UNITS or word.lower() in UNITS or word.lower() in ("cup", "cups", "teaspoon", "tablespoon", "inch", "mile", "share", "stake")


def month_number(word: str) -> int:
    # casefold: the long s of "ſeptember" matches the patterns case-insensitively but lower() keeps it.
    low = word.casefold().rstrip(".")
    return MONTHS.get(low) or MONTHS[low[:3]]


_FEW = {"few": 3, "a few": 3, "several": 3, "a couple of": 2, "couple of": 2, "couple": 2, "a couple": 2}


def count_word(raw: str) -> float | None:
    s = re.sub(r"\s+", " ", raw.lower())
    if s in _FEW:
        return float(_FEW[s])
    if s in ("a", "an"):
        return 1.0
    try:
        return float(s)
    except ValueError:
        return parse_words([s])


_HOUR_WORDS = {w: v for w, v in SMALL.items() if 1 <= v <= 12}


def hour_of(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    return _HOUR_WORDS.get(raw)
