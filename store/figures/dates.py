"""Dates, times, date ranges and recurring sets, resolved against a publication date."""

from __future__ import annotations

import datetime as dt
import re
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
_RD_WEEKDAYS = (rd.MO, rd.TU, rd.WE, rd.TH, rd.FR, rd.SA, rd.SU)

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_ABBR_DOT = r"(?:(?<=[jJ]an|[fF]eb|[mM]ar|[aA]pr|[jJ]un|[jJ]ul|[aA]ug|[sS]ep|[oO]ct|[nN]ov|[dD]ec)\.|(?<=[sS]ept)\.)?"
_MONTH = rf"(?P<mon>{_MON})\b" + _ABBR_DOT
_ORD_WORD_DAY = (
    r"(?:(?:twenty|thirty)[\s-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_DAY = r"(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:]))"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d|'\d\d)(?![\d%])"
_WD = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat)\b\.?,?\s*(?:the\s+)?)?"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d/.])(?<!\d-)(?P<y>(?:1[6-9]|20)\d\d)[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])(?![\d/]|[-.]\d)")),
    ("dmy_num", re.compile(r"(?<![\d/.:-])(?<!\d-)(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[-/.])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?![\w/]|\.\d|-\d{1,2}(?![/\d-]))")),
    ("dmon_y", re.compile(r"(?<![\w/])(?P<d>0?[1-9]|[12]\d|3[01])([-/])(?P<mon>" + _MON + r")\2(?P<y>(?:1[6-9]|20)\d\d)\b", re.I)),
    ("ymon_d", re.compile(r"(?<![\w/])(?P<y>(?:1[6-9]|20)\d\d)([-/])(?P<mon>" + _MON + r")\2(?P<d>0?[1-9]|[12]\d|3[01])\b", re.I)),
    ("md", re.compile(
        _WD + r"(?<![\w])" + _MONTH + r"(?:\s*[-/]\s*(?=\d)|\s*)(?:the\s+)?(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|" + _ORD_WORD_DAY + r"|(?:twenty|thirty)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|" + "|".join(sorted(SMALL, key=len, reverse=True)) + r"|twenty|thirty)(?![\d:\w])"
        r"(?:\s*(?:[-–—]|to|through|until|till|and)\s*(?P<day2>(?:0?[1-9]|[12]\d|3[01]))(?:st|nd|rd|th)?(?![\d:\w]))?"
        r"(?:\s*[,/-]?\s*(?:(?:in|of)\s+)?(?P<year>(?:1[6-9]|20)\d\d)(?![\d%]))?", re.I)),
    ("dm", re.compile(
        _WD + r"(?<![\w])(?:the\s+)?(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|" + _ORD_WORD_DAY + r")"
        r"(?:\s*(?:[-–—]|to|and)\s*(?P<day0>(?:0?[1-9]|[12]\d|3[01]))(?:st|nd|rd|th)?)?"
        r"(?:\s+of)?\s*" + _MONTH + r"(?:\s*,?\s*(?:(?:in|of)\s+)?(?P<year>(?:1[6-9]|20)\d\d)(?![\d%]))?", re.I)),
    ("my", re.compile(r"(?<![\w])" + _MONTH + r"\s*[-/,]?\s*(?:of\s+)?" + _YEAR, re.I)),
    ("ym", re.compile(r"(?<![\w$])(?P<year>(?:1[6-9]|20)\d\d)\s+" + _MONTH + r"(?!\s*\d)", re.I)),
    ("ym_num", re.compile(r"(?<![\w/.-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0?[1-9]|1[0-2])(?![\w/]|[-.]\d)")),
    ("my_num", re.compile(r"(?<![\w/.-])(?P<m>0?[1-9]|1[0-2])-(?P<y>(?:1[6-9]|20)\d\d)(?![\w/]|[-.]\d)")),
    ("md_num", re.compile(r"(?P<pre>\b(?:on|from|to|by|until|till|between|since|before|after|and|or|this|next|due|through|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat)\b,?\s*|^|,\s*|[?:]\s+)(?P<m>0?[1-9]|[12]\d|3[01])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)", re.I)),
    ("compact", re.compile(r"(?<![\w.,-])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.,])")),
]

MONTH_ALONE = re.compile(
    r"(?P<pre>\b(?:in|since|until|till|by|from|through|during|last|next|this|of|before|after|between|until|early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?|(?:mid|early|late)-)?(?<![\w])(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept|sep|oct|nov|dec)\b" + _ABBR_DOT,
    re.I,
)
YEAR_ALONE = re.compile(r"(?<![\w$£€¥.,/#:\-–'])(?P<pre>(?:the\s+)?(?:(?:end|start|beginning|middle|turn|close)\s+of\s+(?:the\s+)?)?(?:year|fiscal|fy|cy)\s+|(?:the\s+)?(?:end|start|beginning|middle|turn|close)\s+of\s+)?(?P<year>(?:1[5-9]|20)\d\d)(?P<s>s|'s)?(?![\w.,:/]\d|\d|[%°]|\s*(?:percent|per\s+cent)\b|-\d)")
SHORT_DECADE = re.compile(r"(?<![\w])(?:the\s+)?['’](?P<d>\d)0s\b|(?<![\w])(?:the\s+)?(?P<d2>[2-9])0\s?s\b")
CENTURY = re.compile(
    r"(?<![\w])(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+centur(?:y|ies)\b|(?<![\w])(?P<w>" + _ORD_WORD_DAY + r")[\s-]+centur(?:y|ies)\b",
    re.I,
)
RELATIVE_DAY = re.compile(r"\b(?P<w>today|yesterday|tomorrow|tmrw|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening|night))\b", re.I)
RELATIVE_PERIOD = re.compile(
    r"\b(?P<mod>this|last|next|past|previous|coming|following|current|same|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|last|next)|(?:the\s+)?end\s+of)\s+(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|day)\b",
    re.I,
)
YEAR_TO_DATE = re.compile(r"\b(?:the\s+)?(?:year|month)[\s-]+to[\s-]+date\b", re.I)
DAY_OF_MONTH = re.compile(r"\bon\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?[A-Za-z]{3})|\bon\s+the\s+(?P<d2>[12]?\d|3[01])(?:st|nd|rd|th)(?=\s*(?:[.,;!?]|$))", re.I)
RECENT = re.compile(r"\b(?:in\s+)?(?:the\s+)?(?P<mod>recent|past\s+few|last\s+few|coming|next\s+few)\s+(?P<unit>days|weeks|months|years|decades)\b", re.I)
WEEKDAY = re.compile(
    r"(?<![\w])(?:(?P<mod>this\s+past|this\s+coming|this\s+upcoming|last|next|this|previous|past|coming|following|upcoming)\s+)?(?:(?P<week>next\s+week|last\s+week|this\s+week|previous\s+week)\s*-?\s*(?:on\s+)?)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|Mon|Tues?|Wed|Thur?s?|Fri|Sat)(?P<pl>s)?\b(?:(?<=Mon|Tue|Wed|Thu|Fri|Sat)\.|(?<=Tues|Thur)\.|(?<=Thurs)\.)?",
)
WEEKDAY_I = re.compile(WEEKDAY.pattern, re.I)
AGO = re.compile(
    r"(?<![\d.])(?P<n>\d+(?:\.\d+)?|(?<![^\W\d_]{5})an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|a\s+few|a\s+couple\s+of|couple\s+of)\s+(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\s+(?P<dir>ago|earlier|before|later|from\s+now|from\s+today|after\s+today|before\s+today|after|from)\b(?:\s+(?P<anchor>today|tomorrow|tmrw|yesterday))?",
    re.I,
)
IN_FUTURE = re.compile(
    r"(?<![\w])(?:with)?in\s+(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of)\s+(?P<unit>minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
TIME = re.compile(
    r"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?|\.(?P<mi2>[0-5]\d)(?=\s*(?:a\.?\s?m\b|p\.?\s?m\b)))\s*(?P<ap>[ap]\.?\s?m\b\.?|[ap](?=[\s.]|$))?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>a\.?\s?m\.?|p\.?\s?m\.?)(?![\w])"
    r"|(?P<nw>noon|midnight|midday)"
    r"|(?P<h3>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]?\s?clock\b"
    r"|(?P<h4>\d{3,4})\s*(?P<ap4>a\.m\.|p\.m\.|am\b|pm\b))"
    r"(?:\s*(?P<tz>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|MSK|Kyiv\s+time|Moscow\s+time|local\s+time)\b)?",
    re.I,
)
HALF_PAST = re.compile(r"\b(?P<q>half|quarter|(?:\d{1,2}|twenty|ten|five|fifteen|twenty[\s-]five)\s+min(?:ute)?s?|twenty|ten|five|fifteen|twenty[\s-]five|\d{1,2}(?=\s+past))\s+(?P<rel>past|to)\s+(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:\s+o['’]?clock)?(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?", re.I)
SETS = re.compile(
    r"\b(?:(?:every|each)\s+(?:other\s+|(?P<n>\d+|two|three|four|five|six|ten)\s+)?(?P<u>day|week|month|year|morning|evening|night|weekend|quarter|hour|minute|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?:on\s+an?\s+)?(?P<adj>daily|weekly|monthly|yearly|annual|quarterly|hourly|nightly|fortnightly|biweekly)\s+basis"
    r"|(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|fortnightly|everyday)"
    r"|(?:once|twice|(?:\d+|three|four|five)\s+times)\s+(?:a|per|an)\s+(?P<u2>day|week|month|year|hour)"
    r"|(?P<wdp>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b",
    re.I,
)
SINCE = re.compile(r"\b(?P<w>since|until|till|before|after|by|as\s+of|starting|beginning|from)\s+(?:the\s+)?$", re.I)
RANGE_JOIN = re.compile(r"\s*(?:[-–—~]|to|through|thru|until|till|and)\s*$", re.I)
RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.I)
LOOKAHEAD = re.compile(
    r"\b(?:will|shall|going\s+to|plans?\s+to|planned|planning|plans|scheduled|expected|due\s+to|to\s+be\s+held|upcoming|next|wants?\s+to|intends?\s+to|set\s+to|to\s+meet|to\s+travel|to\s+visit|would\s+(?:meet|travel|visit|hold)|is\s+to|are\s+to|aims?\s+to)\b|'ll\b",
    re.I,
)
_QUARTER = re.compile(r"(?<![\w])(?:(?P<y>(?:19|20)\d\d)[\s-]*(?P<q>[qh][1-4])|(?P<q2>[qh][1-4])\s*[-/]?\s*(?:of\s+)?(?P<y2>(?:19|20)\d\d)|(?P<q3>[qQ][1-4]))\b", re.I)
_PERIODS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


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
    day_end: dt.date | None = None
    month_only: bool = False
    time: str | None = None
    extras: dict = field(default_factory=dict)


def _day_number(raw: str) -> int | None:
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


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nearest_year_day(m: int, d: int, pub: dt.date, ahead: bool = False) -> dt.date | None:
    best: dt.date | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        c = _valid(y, m, d)
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


def _year(raw: str) -> int:
    raw = raw.strip("'’")
    y = int(raw)
    if y < 100:
        y += 2000 if y < 50 else 1900
    return y


def _month_ok(text: str, m: re.Match[str], group: str = "mon") -> bool:
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


PAST_CUE = re.compile(r"\b(?:was|were|had|did|ago|earlier|previously|last)\b|\b[a-z]{3,}ed\b", re.I)


def looks_back(text: str, start: int) -> bool:
    a, b = sentence_bounds(text, start)
    return bool(PAST_CUE.search(text, a, b)) and not LOOKAHEAD.search(text, a, b)


def looks_ahead(text: str, start: int) -> bool:
    a, b = sentence_bounds(text, start)
    return bool(LOOKAHEAD.search(text, a, b))


def _week_start(d: dt.date) -> dt.date:
    return d + relativedelta(weekday=MO(-1))


def _iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


_DIGIT = re.compile(r"\d")
_MONTH_ANY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_MONTH_PATTERNS = frozenset({"md", "dm", "my", "ym", "dmon_y", "ymon_d"})
_AGO_GATE = re.compile(r"\b(?:ago|earlier|later|from\s+now|(?:from|after|before)\s+(?:today|tomorrow|tmrw|yesterday))\b", re.I)
_WEEKDAY_GATE = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_TIME_GATE = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.?\s?m\b|\d\d\d\d\s*[ap]\.?m|noon|midnight|midday|clock|\d\s*[ap](?:[\s.]|$)", re.I)
_HOLIDAY_WORDS = ("christmas", "new year", "valentine", "halloween", "victory", "easter", "thanksgiving", "black friday", "patrick", "earth day", "women", "may day", "boxing")
_SPAN_WORDS = ("next", "past", "last", "previous", "coming", "following", "upcoming", "within")
_AGO_WORDS = ("ago", "earlier", "before", "later", "from", "after")
_WEEKDAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_WORDS = ("today", "yesterday", "tomorrow", "tmrw", "tonight", "night", "morning", "afternoon", "evening", "day")
_PERIOD_WORDS = ("week", "month", "year", "quarter", "decade", "century", "spring", "summer", "autumn", "fall", "winter")
_RECENT_WORDS = ("recent", "few", "coming", "next")
_SET_WORDS = ("every", "each", "daily", "weekly", "monthly", "annual", "yearly", "quarterly", "hourly", "nightly", "fortnightly", "biweekly", "once", "twice", "times", "days")
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "night")


def _has(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


def find_dates(text: str, pub: dt.date | None) -> list[DateCand]:
    out: list[DateCand] = []
    taken: list[tuple[int, int]] = []

    lowered = text.lower()
    digit = _DIGIT.search(text) is not None
    month = _MONTH_ANY.search(text) is not None
    unit_word = _has(lowered, _UNIT_WORDS)
    weekday = _WEEKDAY_GATE.search(text) is not None

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(c: DateCand) -> None:
        out.append(c)
        taken.append((c.start, c.end))

    if digit or month:
        for name, pat in DATE_PATTERNS:
            if (name in _MONTH_PATTERNS and not month) or (name not in _MONTH_PATTERNS and not digit):
                continue
            for m in pat.finditer(text):
                if not free(m.start(), m.end()):
                    continue
                c = _absolute(name, m, text, pub)
                if c is not None:
                    add(c)
    if "week" in lowered or "wk" in lowered:
        for m in WEEK_OF.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _week_of(m, pub)
            if c is not None:
                add(c)
        if digit:
            for m in ISO_WEEK.finditer(text):
                if not free(m.start(), m.end()):
                    continue
                c = _iso_week(m, pub)
                if c is not None:
                    add(c)
    if weekday:
        for m in WEEKDAY_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _weekday_day(m, pub)
            if c is not None:
                add(c)
    if digit:
        for m in _QUARTER.finditer(text):
            if not free(m.start(), m.end()):
                continue
            y = m.group("y") or m.group("y2")
            q = (m.group("q") or m.group("q2") or m.group("q3")).lower()
            if y is None:
                if pub is None or not m.group("q3"):
                    continue
                y = str(pub.year)
            year = int(y)
            n = int(q[1])
            if q[0] == "q":
                sm, em = 3 * n - 2, 3 * n
            else:
                if n > 2:
                    continue
                sm, em = 6 * n - 5, 6 * n
            add(DateCand(m.start(), m.end(), "range", _iso_month(year, sm), _iso_month(year, em), "quarter", priority=7))
    if 'centur' in lowered:
        for m in CENTURY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            n = int(m.group("n")) if m.group("n") else _day_number(m.group("w"))
            if not n or n > 21:
                continue
            add(DateCand(m.start(), m.end(), "date", f"{(n - 1) * 100:04d}", f"{(n - 1) * 100 + 99:04d}", "century", priority=7))
    if digit:
        for m in SHORT_DECADE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            d = int(m.group("d") or m.group("d2"))
            y = 1900 + d * 10 if d != 0 else 2000
            add(DateCand(m.start(), m.end(), "date", f"{y:04d}", f"{y + 9:04d}", "decade", priority=6))
    if _has(lowered, _HOLIDAY_WORDS):
        for m in HOLIDAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _holiday(m, text, pub)
            if c is not None:
                add(c)
    if _has(lowered, _SPAN_WORDS):
        for m in SPAN_PERIOD.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _span_period(m, pub)
            if c is not None:
                add(c)
    if _has(lowered, _SPAN_WORDS):
        for m in SPAN_PERIOD_AFTER.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _span_period(m, pub)
            if c is not None:
                add(c)
    if month:
        for m in MONTH_ALONE.finditer(text):
            if not free(m.start("mon"), m.end()):
                continue
            word = m.group("mon")
            low = word.lower()
            pre = (m.group("pre") or "").lower()
            if word[0].islower() and not pre:
                continue
            if low in ("may", "march") and not pre:
                continue
            if low == "may" and not re.search(r"\b(?:in|since|until|till|by|from|through|during|early|mid|late|of|between)\b", pre) and not (word == "May" and re.search(r"\b(?:last|next|this)\b", pre)):
                continue
            s = m.start() if pre.strip() not in ("in", "of", "by", "during", "through", "between", "") else m.start("mon")
            if re.match(r"\s*(?:\d|[-/]\d)", text[m.end():m.end() + 3]):
                continue
            c = _resolve_month(MONTHS[low[:3] if low[:3] in MONTHS else low], pre, text, m.start(), pub)
            c.start, c.end = s, m.end()
            add(c)
    if _has(lowered, _AGO_WORDS) and _AGO_GATE.search(text):
        for m in AGO.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _ago(m, pub)
            if c is not None:
                add(c)
    if weekday:
        for m in WEEKDAY_I.finditer(text):
            if not free(m.start(), m.end()):
                continue
            wd = m.group("wd")
            if len(wd) <= 4 and not wd[0].isupper():
                continue
            if wd[0].islower() and not (m.group("mod") or m.group("week")):
                pre = text[max(0, m.start() - 4):m.start()].lower()
                if not re.search(r"(?:on|by|,)\s*$", pre) and m.start() != 0:
                    continue
            if m.group("pl"):
                continue
            c = _weekday(m, text, pub)
            tail = WEEK_TAIL.match(text, m.end())
            if tail and pub is not None and c.day is not None:
                step = {"next": 1, "following": 1, "coming": 1, "last": -1, "previous": -1, "this": 0}[tail.group(1).lower()]
                d = _week_start(pub) + relativedelta(weeks=step, days=WEEKDAYS[wd.lower()])
                c.day, c.resolved, c.end = d, d.isoformat(), tail.end()
            add(c)
    if _has(lowered, _DAY_WORDS):
        for m in RELATIVE_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if m.group("w")[0].isupper() and re.search(r"[A-Z][\w.]*\s?$", text[max(0, m.start() - 12):m.start()]):
                continue
            add(_relative_day(m, pub))
    if _has(lowered, _PERIOD_WORDS):
        for m in RELATIVE_PERIOD.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _relative_period(m, text, pub)
            if c is not None:
                add(c)
    if "to date" in lowered or "to-date" in lowered:
        for m in YEAR_TO_DATE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = DateCand(m.start(), m.end(), "range", granularity="day", relative=True, priority=6)
            if pub is not None:
                first = dt.date(pub.year, 1, 1) if "year" in m.group(0).lower() else dt.date(pub.year, pub.month, 1)
                c.resolved, c.resolved_end = first.isoformat(), pub.isoformat()
            add(c)
    if digit and "on the" in lowered:
        for m in DAY_OF_MONTH.finditer(text):
            if not free(m.start(), m.end()):
                continue
            day = int(m.group("d") or m.group("d2"))
            if not 1 <= day <= 31:
                continue
            c = DateCand(m.start() + 3, m.end(), "date", granularity="day", relative=True, priority=5)
            if pub is not None:
                options = [x for x in (_valid((pub + relativedelta(months=k)).year, (pub + relativedelta(months=k)).month, day) for k in (-1, 0, 1)) if x]
                if not options:
                    continue
                best = min(options, key=lambda x: abs((x - pub).days))
                c.day, c.resolved = best, best.isoformat()
            add(c)
    if _has(lowered, _RECENT_WORDS):
        for m in RECENT.finditer(text):
            if not free(m.start(), m.end()):
                continue
            add(_recent(m, pub))
    if _has(lowered, _SET_WORDS):
        for m in SETS.finditer(text):
            if not free(m.start(), m.end()):
                continue
            add(_set(m))
    if 'in ' in lowered and unit_word:
        for m in IN_FUTURE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if not looks_ahead(text, m.start()):
                continue
            c = _in_future(m, pub)
            if c is not None:
                add(c)
    if unit_word:
        for m in VAGUE_DURATION.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _vague_duration(m)
            if c is not None:
                add(c)
    if ('past' in lowered or ' to ' in lowered):
        for m in HALF_PAST.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _half_past(m)
            if c is not None:
                add(c)
    if _has(lowered, ("morning", "afternoon", "evening", "night")):
        for m in HOUR_PART.finditer(text):
            if not free(m.start(), m.end()):
                continue
            hm = _hour_in_part(m.group("h"), m.group("mi"), m.group("part"))
            if hm:
                add(DateCand(m.start(), m.end(), "time", hm, granularity="time", priority=6, time=hm))
        for m in PART_HOUR.finditer(text):
            if not free(m.start(), m.end()):
                continue
            hm = _hour_in_part(m.group("h"), m.group("mi"), m.group("part"))
            if hm:
                add(DateCand(m.start(), m.end(), "time", hm, granularity="time", priority=6, time=hm))
    if digit:
        for m in TIME_RANGE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _time_range(m)
            if c is not None:
                add(c)
    if _TIME_GATE.search(text):
        for m in TIME.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _time(m, text)
            if c is not None:
                add(c)
    if _has(lowered, ("morning", "afternoon", "evening", "night", "daytime", "lunchtime")):
        for m in PART_OF_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _part_of_day(m)
            if c is not None:
                add(c)
    if digit:
        for m in YEAR_RANGE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            a, b = int(m.group("a")), m.group("b")
            if m.group("sep").lower() == "and" and (m.group("pre") or "").lower() != "between":
                continue
            bb = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
            if bb <= a or bb - a > 200 or (len(b) == 2 and bb - a > 10):
                continue
            add(DateCand(m.start(), m.end(), "range", f"{a:04d}", f"{bb:04d}", "year", priority=7))
    if digit:
        for m in YEAR_ALONE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _year_alone(m, text)
            if c is not None:
                add(c)
    out.sort(key=lambda c: c.start)
    out = _merge(out, text, pub)
    return out


def _absolute(name: str, m: re.Match[str], text: str, pub: dt.date | None) -> DateCand | None:
    g = m.groupdict()
    if name == "iso":
        d = _valid(int(g["y"]), int(g["m"]), int(g["d"]))
        return None if d is None else DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name == "dmy_num":
        a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
        sep = re.findall(r"[-/.]", m.group(0))
        if a > 12:
            d = _valid(y, b, a)
        elif b > 12:
            d = _valid(y, a, b)
        elif sep and sep[0] == ".":
            d = _valid(y, b, a)
        else:
            d = _valid(y, a, b)
        if d is None or (len(g["y"]) == 2 and sep and sep[0] == "."):
            return None
        return DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name in ("dmon_y", "ymon_d"):
        d = _valid(int(g["y"]), _mon(g["mon"]), int(g["d"]))
        return None if d is None else DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name in ("md", "dm"):
        if not _month_ok(text, m):
            return None
        mon = _mon(g["mon"])
        day = _day_number(g["day"])
        if day is None or day > 31:
            return None
        raw_day = g["day"].strip()
        if name == "md" and re.fullmatch(r"\d+", raw_day) is None and not re.search(r"(st|nd|rd|th)$", raw_day, re.I):
            if m.group("mon").lower() in ("may", "march", "mar") and not g.get("year"):
                pass
        if name == "dm" and re.fullmatch(r"\d+", raw_day) and m.group("mon").lower() in ("mar", "may") and m.group("mon")[0].islower():
            return None
        day2 = g.get("day2") or g.get("day0")
        year = int(g["year"]) if g.get("year") else None
        start = m.start() if g.get("wd") else (m.start("day") if name == "dm" else m.start("mon"))
        if name == "dm" and text[m.start():m.start("day")].lower().strip().startswith("the") and not g.get("wd"):
            start = m.start()
        if name == "dm" and g.get("day0"):
            d1, d2 = int(g["day0"]), day
            day, day2 = min(d1, d2), max(d1, d2)
        cand = DateCand(start, m.end(), granularity="day", priority=8)
        if year is not None:
            d = _valid(year, mon, day)
            if d is None:
                return None
            cand.day = d
        elif pub is not None:
            d = nearest_year_day(mon, day, pub, looks_ahead(text, m.start()))
            if d is None:
                return None
            if (d - pub).days > 31 and looks_back(text, m.start()):
                d = _valid(d.year - 1, mon, day) or d
            cand.day = d
            cand.relative = True
        else:
            cand.relative = True
            cand.extras["md"] = (mon, day)
        if cand.day:
            cand.resolved = cand.day.isoformat()
        if day2:
            d2n = int(day2)
            if d2n <= day or d2n > 31:
                return None
            cand.kind = "range"
            if cand.day:
                e = _valid(cand.day.year, mon, d2n)
                if e is None:
                    return None
                cand.day_end = e
                cand.resolved_end = e.isoformat()
        return cand
    if name == "my":
        if not _month_ok(text, m):
            return None
        y = _year(g["year"])
        mon = _mon(g["mon"])
        if g["year"].startswith("'") is False and m.group(0)[len(m.group("mon")):].strip().startswith(",") and False:
            return None
        return DateCand(m.start(), m.end(), resolved=_iso_month(y, mon), granularity="month", priority=7, month_only=True, extras={"ym": (y, mon)})
    if name == "ym":
        if not _month_ok(text, m):
            return None
        y = int(g["year"])
        mon = _mon(g["mon"])
        return DateCand(m.start(), m.end(), resolved=_iso_month(y, mon), granularity="month", priority=7, month_only=True, extras={"ym": (y, mon)})
    if name in ("ym_num", "my_num"):
        y, mon = int(g["y"]), int(g["m"])
        return DateCand(m.start(), m.end(), resolved=_iso_month(y, mon), granularity="month", priority=6, month_only=True, extras={"ym": (y, mon)})
    if name == "compact":
        d = _valid(int(g["y"]), int(g["m"]), int(g["d"]))
        return None if d is None else DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name == "md_num":
        mon, day = int(g["m"]), int(g["d"])
        follow = re.match(r"\s+(?:of\b|(\w+))", text[m.end():m.end() + 20])
        if follow and (follow.group(1) is None or _is_unit(follow.group(1))):
            return None
        if mon > 12:
            if day > 12:
                return None
            mon, day = day, mon
        s = m.start("m")
        if pub is not None:
            d = nearest_year_day(mon, day, pub)
            if d is None:
                return None
            return DateCand(s, m.end(), day=d, resolved=d.isoformat(), granularity="day", relative=True, priority=6)
        return DateCand(s, m.end(), granularity="day", relative=True, priority=6, extras={"md": (mon, day)})
    return None


def _is_unit(word: str) -> bool:
    from .units import UNITS

    return word in UNITS or word.lower() in UNITS or word.lower() in ("cup", "cups", "teaspoon", "tablespoon", "inch", "mile", "share", "stake")


def _mon(word: str) -> int:
    low = word.lower().rstrip(".")
    return MONTHS.get(low) or MONTHS[low[:3]]


def _resolve_month(mon: int, pre: str, text: str, pos: int, pub: dt.date | None) -> DateCand:
    pre = pre.strip()
    c = DateCand(0, 0, granularity="month", relative=True, priority=5, month_only=True)
    if pub is None:
        c.extras["mon"] = mon
        return c
    if "after" in pre:
        y = nearest_year_month(mon, pub)
        y, mon = (y + 1, 1) if mon == 12 else (y, mon + 1)
        c.kind = "range"
    elif "last" in pre:
        y = pub.year if mon < pub.month else pub.year - 1
    elif "next" in pre:
        y = pub.year if mon > pub.month else pub.year + 1
    elif "this" in pre:
        y = pub.year
    elif "since" in pre:
        y = pub.year if mon <= pub.month else pub.year - 1
    else:
        y = nearest_year_month(mon, pub)
        if looks_ahead(text, pos) and (y * 12 + mon) < (pub.year * 12 + pub.month):
            y += 1
        elif (y * 12 + mon) - (pub.year * 12 + pub.month) > 1 and looks_back(text, pos):
            y -= 1
    c.resolved = _iso_month(y, mon)
    c.extras["ym"] = (y, mon)
    return c


def _relative_day(m: re.Match[str], pub: dt.date | None) -> DateCand:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    offset = 0
    if w.startswith("yesterday") or w == "last night":
        offset = -1
    elif w.startswith("tomorrow") or w == "tmrw":
        offset = 1
    elif "day before yesterday" in w:
        offset = -2
    elif "day after tomorrow" in w:
        offset = 2
    c = DateCand(m.start(), m.end(), granularity="day", relative=True, priority=6)
    if re.search(r"night|evening|afternoon", w):
        c.extras["pm"] = True
    if pub is not None:
        d = pub + relativedelta(days=offset)
        c.day = d
        c.resolved = d.isoformat()
    return c


def _relative_period(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand | None:
    mod = re.sub(r"\s+", " ", m.group("mod").lower())
    unit = m.group("unit").lower()
    if mod in ("the past", "the last", "the previous", "the coming", "the next") and unit in ("decade", "century"):
        return None
    if unit == "day":
        if "end of" not in mod:
            return None
        c = DateCand(m.start(), m.end(), granularity="day", relative=True, priority=6)
        if pub is not None:
            c.day, c.resolved = pub, pub.isoformat()
        return c
    step = 0
    if any(k in mod for k in ("last", "past", "previous")):
        step = -1
    elif any(k in mod for k in ("next", "coming", "following")):
        step = 1
    c = DateCand(m.start(), m.end(), granularity=unit if unit not in ("weekend",) else "week", relative=True, priority=6)
    if unit in _PERIODS:
        c.granularity = "season"
        if pub is None:
            return c
        a, b = _PERIODS[unit]
        y = pub.year + step
        c.resolved = _iso_month(y, a)
        c.resolved_end = _iso_month(y + (1 if b < a else 0), b)
        return c
    if pub is None:
        return c
    if unit in ("week", "weekend"):
        ws = _week_start(pub) + relativedelta(weeks=step)
        if unit == "weekend":
            ws = ws + relativedelta(days=5)
            c.resolved, c.resolved_end = ws.isoformat(), (ws + relativedelta(days=1)).isoformat()
        else:
            c.resolved, c.resolved_end = ws.isoformat(), (ws + relativedelta(days=6)).isoformat()
    elif unit == "month":
        d = pub + relativedelta(months=step)
        c.resolved = _iso_month(d.year, d.month)
    elif unit == "year":
        c.resolved = f"{pub.year + step:04d}"
    elif unit == "quarter":
        q = (pub.month - 1) // 3 + step
        y = pub.year + q // 4
        q = q % 4
        c.resolved, c.resolved_end = _iso_month(y, q * 3 + 1), _iso_month(y, q * 3 + 3)
    elif unit == "decade":
        y = pub.year // 10 * 10 + 10 * step
        c.resolved, c.resolved_end = f"{y:04d}", f"{y + 9:04d}"
    elif unit == "century":
        y = pub.year // 100 * 100 + 100 * step
        c.resolved, c.resolved_end = f"{y:04d}", f"{y + 99:04d}"
    return c


def _recent(m: re.Match[str], pub: dt.date | None) -> DateCand:
    unit = m.group("unit").lower().rstrip("s")
    mod = m.group("mod").lower()
    ahead = "coming" in mod or "next" in mod
    c = DateCand(m.start(), m.end(), granularity=unit, relative=True, priority=5)
    if pub is None:
        return c
    span = {"day": relativedelta(days=3), "week": relativedelta(weeks=3), "month": relativedelta(months=3),
            "year": relativedelta(years=3), "decade": relativedelta(years=30)}[unit]
    a, b = (pub, pub + span) if ahead else (pub - span, pub)
    if unit in ("month",):
        c.resolved, c.resolved_end = _iso_month(a.year, a.month), _iso_month(b.year, b.month)
    elif unit in ("year", "decade"):
        c.resolved, c.resolved_end = str(a.year), str(b.year)
        c.granularity = "year"
    else:
        c.resolved, c.resolved_end = a.isoformat(), b.isoformat()
        c.granularity = "day"
    return c


_FEW = {"few": 3, "a few": 3, "several": 3, "a couple of": 2, "couple of": 2, "couple": 2, "a couple": 2}


def _count_word(raw: str) -> float | None:
    s = re.sub(r"\s+", " ", raw.lower())
    if s in _FEW:
        return float(_FEW[s])
    if s in ("a", "an"):
        return 1.0
    try:
        return float(s)
    except ValueError:
        return parse_words([s])


def _ago(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n = _count_word(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    anchor = (m.group("anchor") or "").lower()
    if direction in ("before", "after", "from") and not anchor:
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "before today") else 1
    gran = {"second": "day", "minute": "day", "hour": "day", "day": "day", "week": "day",
            "month": "day", "year": "year", "decade": "year", "century": "year"}[unit]
    c = DateCand(m.start(), m.end(), granularity=gran, relative=True, priority=6)
    if pub is None:
        return c
    base = pub
    if anchor in ("tomorrow", "tmrw"):
        base = pub + relativedelta(days=1)
    elif anchor == "yesterday":
        base = pub - relativedelta(days=1)
    k = int(n) if n == int(n) else n
    delta = {
        "second": relativedelta(), "minute": relativedelta(), "hour": relativedelta(),
        "day": relativedelta(days=k), "week": relativedelta(weeks=k), "month": relativedelta(months=int(k)),
        "year": relativedelta(years=int(k)), "decade": relativedelta(years=int(k * 10)),
        "century": relativedelta(years=int(k * 100)),
    }[unit]
    d = base + delta * sign if unit not in ("second", "minute", "hour") else base
    c.day = d
    if gran == "day":
        c.resolved = d.isoformat()
    elif gran == "month":
        c.resolved = _iso_month(d.year, d.month)
    else:
        c.resolved = f"{d.year:04d}"
    return c


def _in_future(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n = _count_word(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    c = DateCand(m.start(), m.end(), granularity="day", relative=True, priority=5)
    if pub is None:
        return c
    k = int(n) if n == int(n) else n
    delta = {"minute": relativedelta(), "hour": relativedelta(), "day": relativedelta(days=k),
             "week": relativedelta(weeks=k), "month": relativedelta(months=int(k)), "year": relativedelta(years=int(k))}[unit]
    d = pub + delta
    c.day = d
    c.resolved = d.isoformat()
    return c


def _set(m: re.Match[str]) -> DateCand:
    word = (m.group("u") or m.group("u2") or m.group("adj") or m.group("adv") or m.group("wdp") or "").lower()
    n = m.group("n")
    iso = {"day": "P1D", "daily": "P1D", "everyday": "P1D", "nightly": "P1D", "night": "P1D", "morning": "P1D",
           "evening": "P1D", "week": "P1W", "weekly": "P1W", "weekend": "P1W", "month": "P1M", "monthly": "P1M",
           "year": "P1Y", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "quarter": "P3M", "quarterly": "P3M",
           "hour": "PT1H", "hourly": "PT1H", "minute": "PT1M", "fortnightly": "P2W", "biweekly": "P2W"}.get(word, "P1W")
    if n:
        k = _count_word(n) or 1
        iso = re.sub(r"1", f"{k:g}", iso, count=1)
    return DateCand(m.start(), m.end(), "set", unit=iso, priority=5)


def _weekday(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand:
    wd = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    mod = re.sub(r"\s+", " ", (m.group("mod") or "").lower())
    week = re.sub(r"\s+", " ", (m.group("week") or "").lower())
    c = DateCand(m.start(), m.end(), granularity="day", relative=True, priority=6)
    if pub is None:
        return c
    ws = _week_start(pub)
    if week:
        step = {"next week": 1, "last week": -1, "previous week": -1, "this week": 0}[week]
        d = ws + relativedelta(weeks=step, days=wd)
    elif mod in ("next",):
        d = ws + relativedelta(weeks=1, days=wd)
    elif mod in ("last", "previous"):
        d = ws + relativedelta(weeks=-1, days=wd)
    elif mod == "this":
        d = ws + relativedelta(days=wd)
    elif mod in ("coming", "this coming", "upcoming", "this upcoming", "following"):
        d = pub + relativedelta(days=1, weekday=_RD_WEEKDAYS[wd](+1))
        if mod == "following":
            d = ws + relativedelta(weeks=1, days=wd)
    elif mod in ("past", "this past"):
        d = pub + relativedelta(days=-1, weekday=_RD_WEEKDAYS[wd](-1))
    elif looks_ahead(text, m.start()):
        d = pub + relativedelta(weekday=_RD_WEEKDAYS[wd](+1))
    else:
        d = pub + relativedelta(weekday=_RD_WEEKDAYS[wd](-1))
    c.day = d
    c.resolved = d.isoformat()
    return c


_HOUR_WORDS = {w: v for w, v in SMALL.items() if 1 <= v <= 12}


def _hour(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    return _HOUR_WORDS.get(raw)


def _half_past(m: re.Match[str]) -> DateCand | None:
    h = _hour(m.group("h"))
    q = m.group("q").lower()
    if h is None:
        return None
    if m.group("rel").lower() == "to" and q in ("twenty", "ten", "five", "twenty five", "twenty-five"):
        return None
    qn = re.sub(r"\s+min(?:ute)?s?$", "", q)
    mins = {"half": 30, "quarter": 15, "twenty": 20, "ten": 10, "five": 5, "fifteen": 15, "twenty five": 25, "twenty-five": 25}.get(qn)
    if mins is None:
        mins = int(qn) if qn.isdigit() else None
    if mins is None or mins >= 60:
        return None
    if m.group("rel").lower() == "to":
        h, mins = (h - 1) % 24, 60 - mins
    part = (m.group("part") or "").lower()
    if part in ("afternoon", "evening") and h < 12 or part == "night" and 6 <= h < 12:
        h += 12
    return DateCand(m.start(), m.end(), "time", resolved=f"{h:02d}:{mins:02d}", granularity="time", priority=6, time=f"{h:02d}:{mins:02d}")


def _time(m: re.Match[str], text: str) -> DateCand | None:
    g = m.groupdict()
    if g["nw"]:
        hm = "00:00" if g["nw"].lower() == "midnight" else "12:00"
        return DateCand(m.start(), m.end(), "time", resolved=hm, granularity="time", priority=5, time=hm)
    if g["h"] is not None:
        if g["mi"] is None and g["mi2"] is None:
            return None
        h, mi = int(g["h"]), int(g["mi"] or g["mi2"])
        ap = (g["ap"] or "").lower().replace(".", "").replace(" ", "")
        if g["mi2"] is None and not ap:
            before = text[max(0, m.start() - 12):m.start()].lower()
            after = text[m.end():m.end() + 3]
            if re.match(r"\d", after) or re.search(r"\d[.,]?$", before):
                return None
        s = g["s"]
    elif g["h2"] is not None:
        h, mi, s = int(g["h2"]), 0, None
        ap = g["ap2"].lower().replace(".", "").replace(" ", "")
    elif g["h3"] is not None:
        h, mi, s, ap = _hour(g["h3"]) or 0, 0, None, ""
    else:
        raw = g["h4"]
        h, mi, s = int(raw[:-2]), int(raw[-2:]), None
        ap = g["ap4"].lower().replace(".", "")
        if h > 12 or mi > 59:
            return None
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    if h > 23:
        return None
    hm = f"{h:02d}:{mi:02d}" + (f":{s}" if s and s != "00" else "")
    c = DateCand(m.start(), m.end(), "time", resolved=hm, granularity="time", priority=6, time=hm)
    if ap:
        c.extras["ampm"] = True
    return c


def _year_alone(m: re.Match[str], text: str) -> DateCand | None:
    y = int(m.group("year"))
    pre = m.group("pre")
    s_suffix = m.group("s")
    before = text[max(0, m.start() - 30):m.start()]
    after = text[m.end():m.end() + 25]
    if s_suffix:
        if y % 10:
            return None
        return DateCand(m.start(), m.end(), "date", f"{y:04d}", f"{y + 9:04d}", "decade", priority=6)
    if pre:
        return DateCand(m.start(), m.end(), "date", f"{y:04d}", granularity="year", priority=6)
    if y < 1600 and not re.search(r"\b(?:in|since|of|from|until|by|year|circa|c\.)\s+$", before, re.I):
        return None
    if re.match(r"\s*(?:[-–]\s*)?(?:[a-z]+\s+)?(?:%s)\b" % _UNITISH, after, re.I):
        return None
    if re.search(r"(?:\b(?:no|number|nos?|nr|page|pp|p|room|flight|route|exit|model|version|v|article|code|id|#|tel|phone|box|suite|unit)\.?\s*)$", before, re.I):
        return None
    if re.match(r"\s+(?!and\b|or\b|to\b|in\b|on\b|at\b|the\b|when\b|as\b|was\b|is\b|were\b|with\b|for\b|by\b|through\b|until\b|till\b|after\b|before\b|that\b|which\b|from\b|of\b|but\b|had\b|has\b|have\b|saw\b)[a-z]+s\b", after) and not re.search(r"\b(?:in|since|of|from|until|by|before|after|during|between|and|to)\s+$", before, re.I):
        return None
    return DateCand(m.start(), m.end(), "date", f"{y:04d}", granularity="year", priority=4)


_UNITISH = r"percent|per\s+cent|%|km|kilomet|miles?|metres?|meters?|kg|tonnes?|tons?|people|troops|soldiers|dollars|euros|pounds|barrels|units|times|points|votes|cases|deaths|mw|gw|kw|hectares|acres|ft|feet|lbs?"


def _merge(cands: list[DateCand], text: str, pub: dt.date | None) -> list[DateCand]:
    """Join adjacent parts: ranges, a time next to a date, qualifiers in front."""
    out: list[DateCand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if c.kind == "date" and c.granularity in ("day", "part of day"):
            at = AT_HOUR.match(text, c.end)
            if at and (i + 1 >= len(cands) or cands[i + 1].start >= at.end()):
                h = int(at.group("h"))
                ap = (at.group("ap") or "").lower()
                if ap.startswith("p") and h < 12:
                    h += 12
                elif ap.startswith("a") and h == 12:
                    h = 0
                elif not ap and h < 12 and c.extras.get("pm"):
                    h += 12
                t = DateCand(at.start("h"), at.end(), "time", time=f"{h:02d}:{int(at.group('mi') or 0):02d}")
                c = _with_time(c, t)
                c.start = cands[i].start
        if i + 1 < len(cands):
            n = cands[i + 1]
            gap = text[c.end:n.start]
            time_range = n.kind == "range" and n.granularity == "time"
            pure_time = "T" not in (n.resolved or "") and "T" not in (n.resolved_end or "")
            if c.kind in ("date", "range") and c.granularity in ("day", "part of day") and (n.kind == "time" or time_range) and pure_time and re.fullmatch(r"\s*(?:,|at|@|from|for|by|in\s+the|around|about|between|before|after|until|till)?\s*", gap, re.I):
                if c.extras.get("pm"):
                    _shift_pm(n)
                merged = _with_time(c, n)
                merged.start, merged.end = c.start, n.end
                cands[i + 1] = merged
                i += 1
                continue
            if (c.kind == "time" or (c.kind == "range" and c.granularity == "time")) and "T" not in (c.resolved or "") and n.kind == "date" and re.fullmatch(r"\s*(?:,|on|of)?\s*", gap, re.I) and n.granularity == "day":
                merged = _with_time(n, c)
                merged.start, merged.end = c.start, n.end
                cands[i + 1] = merged
                i += 1
                continue
            if re.fullmatch(r"\s*(?:[-–—~]|to|through|thru|until|till|and)\s*", gap, re.I) and _rangeable(c, n):
                pre = text[max(0, c.start - 9):c.start]
                if re.search(r"and", gap, re.I) and not re.search(r"between\s+$", pre, re.I):
                    out.append(c)
                    i += 1
                    continue
                r = _date_range(c, n, pub)
                if r is not None:
                    pm = re.search(r"\b(?:from|between)\s+$", pre, re.I)
                    if pm:
                        r.start = c.start - (len(pre) - pm.start())
                    cands[i + 1] = r
                    i += 1
                    continue
        pre = text[max(0, c.start - 20):c.start]
        am = AFTER_WORD.search(pre)
        if am and c.kind == "date" and c.granularity in ("year", "month") and c.resolved:
            if c.granularity == "year":
                c.resolved = f"{int(c.resolved[:4]) + 1:04d}"
            else:
                y, mo = int(c.resolved[:4]), int(c.resolved[5:7])
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
                c.resolved = _iso_month(y, mo)
            c.kind = "range"
            c.start -= len(pre) - am.start()
        wp = WEEK_PREFIX.search(text, max(0, c.start - 30), c.start)
        if wp and wp.end() == c.start and c.kind == "date" and c.granularity == "day" and c.day is not None:
            ws = _week_start(c.day)
            c.start, c.granularity = wp.start(), "week"
            c.resolved, c.resolved_end = ws.isoformat(), (ws + relativedelta(days=6)).isoformat()
        window = text[max(0, c.start - 12):c.start]
        pm = SINCE.search(window)
        if pm and c.kind in ("date", "range") and c.granularity not in ("time",):
            word = re.sub(r"\s+", " ", pm.group("w").lower())
            if word in ("since", "as of", "starting", "beginning"):
                c.start -= len(window) - pm.start()
        out.append(c)
        i += 1
    return out


def _rangeable(a: DateCand, b: DateCand) -> bool:
    if a.kind not in ("date", "time") or b.kind not in ("date", "time"):
        return False
    if a.kind != b.kind:
        return False
    if a.kind == "time":
        return True
    return a.granularity in ("day", "month", "year") and b.granularity in ("day", "month", "year")


def _date_range(a: DateCand, b: DateCand, pub: dt.date | None) -> DateCand | None:
    r = DateCand(a.start, b.end, "range", granularity=a.granularity, relative=a.relative or b.relative, priority=9)
    if a.kind == "time":
        r.resolved, r.resolved_end, r.granularity = a.resolved, b.resolved, "time"
        return r
    if a.granularity == "month" and b.granularity == "month" and "ym" in b.extras and "ym" in a.extras:
        (ya, ma), (yb, mb) = a.extras["ym"], b.extras["ym"]
        if a.relative and not b.relative:
            ya = yb if ma <= mb else yb - 1
        elif b.relative and not a.relative:
            yb = ya if mb >= ma else ya + 1
        elif a.relative and b.relative and (yb * 12 + mb) < (ya * 12 + ma):
            yb = ya if mb >= ma else ya + 1
        r.resolved, r.resolved_end = _iso_month(ya, ma), _iso_month(yb, mb)
        return r
    if a.granularity == "year" and b.granularity == "year":
        if a.resolved and b.resolved and int(b.resolved) > int(a.resolved):
            r.resolved, r.resolved_end = a.resolved, b.resolved
            return r
        return None
    if a.day and b.day:
        da, db = a.day, b.day
        if a.relative and not b.relative:
            da = _valid(db.year, da.month, da.day) or da
            if da > db:
                da = _valid(db.year - 1, da.month, da.day) or da
        if da > db:
            return None
        r.resolved, r.resolved_end = da.isoformat(), db.isoformat()
        r.granularity = "day"
        return r
    if a.resolved is None and b.resolved is None:
        return r
    r.resolved, r.resolved_end = a.resolved, b.resolved
    return r


def _shift_pm(t: DateCand) -> None:
    if t.extras.get("ampm"):
        return
    vals = [t.resolved, t.resolved_end]
    out = []
    for v in vals:
        if v and re.fullmatch(r"\d\d:\d\d", v) and int(v[:2]) < 12:
            v = f"{int(v[:2]) + 12:02d}{v[2:]}"
        out.append(v)
    t.resolved, t.resolved_end = out
    if t.time and int(t.time[:2]) < 12:
        t.time = f"{int(t.time[:2]) + 12:02d}{t.time[2:]}"


def _with_time(d: DateCand, t: DateCand) -> DateCand:
    c = DateCand(d.start, t.end, d.kind, granularity="time", relative=d.relative, priority=9, day=d.day, time=t.time)
    base = d.resolved.split("T")[0] if d.resolved else None
    if t.extras.get("part") and t.resolved and int(t.resolved[:2]) >= 12:
        c.extras["pm"] = True
    if t.kind == "range" or (t.kind == "time" and t.resolved_end):
        c.kind = "range" if t.kind == "range" else d.kind
        c.resolved = f"{base}T{t.resolved}" if base else None
        c.resolved_end = f"{base}T{t.resolved_end}" if base else None
        if t.kind == "time":
            c.granularity = "part of day"
            c.time = None
        return c
    c.resolved = f"{base}T{t.time}" if base else None
    c.resolved_end = d.resolved_end
    return c


HOLIDAY = re.compile(
    r"(?<![\w])(?P<name>christmas\s+eve|christmas(?:\s+day)?|new\s+year['’]?s\s+eve|new\s+year['’]?s(?:\s+day)?|valentine['’]?s\s+day|halloween|"
    r"victory\s+day|easter\s+monday|easter(?:\s+sunday)?|juneteenth|international\s+workers['’]?\s+day|thanksgiving(?:\s+day)?|black\s+friday|st\.?\s+patrick['’]?s\s+day|saint\s+patrick['’]?s?\s+day|saint\s+patrick|"
    r"earth\s+day|international\s+women['’]?s\s+day|may\s+day|boxing\s+day)\b(?:\s*,?\s*(?:of\s+|in\s+)?(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?",
    re.I,
)
_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25), "new year's eve": (12, 31),
    "new year's": (1, 1), "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "victory day": (5, 9), "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "saint patricks day": (3, 17), "saint patrick": (3, 17), "earth day": (4, 22),
    "international women's day": (3, 8), "juneteenth": (6, 19), "international workers' day": (5, 1),
    "international workers day": (5, 1), "may day": (5, 1), "boxing day": (12, 26),
}


def _holiday_date(name: str, year: int) -> dt.date | None:
    from dateutil.easter import easter

    if name.startswith("easter"):
        return easter(year) + relativedelta(days=1 if name.endswith("monday") else 0)
    if name.startswith("thanksgiving") or name == "black friday":
        d = dt.date(year, 11, 1) + relativedelta(weekday=rd.TH(+4))
        return d + relativedelta(days=1) if name == "black friday" else d
    md = _FIXED_HOLIDAYS.get(name)
    return dt.date(year, *md) if md else None


def _holiday(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand | None:
    name = re.sub(r"\s+", " ", m.group("name").lower()).replace("’", "'")
    if name == "may day" and m.group("name")[0] == "m":
        return None
    if name in ("christmas", "easter", "thanksgiving", "halloween") and not m.group("year"):
        if not re.search(r"\b(?:on|at|by|before|after|since|until|over|for|of|this|last|next|during|around)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
            return None
    c = DateCand(m.start(), m.end(), granularity="day", priority=7)
    if m.group("year"):
        d = _holiday_date(name, int(m.group("year")))
    elif pub is not None:
        c.relative = True
        options = [x for x in (_holiday_date(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)) if x]
        d = min(options, key=lambda x: abs((x - pub).days)) if options else None
    else:
        c.relative = True
        return c
    if d is None:
        return None
    c.day, c.resolved = d, d.isoformat()
    return c


SPAN_PERIOD = re.compile(
    r"(?<![\w])(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?P<mod>next|past|last|previous|coming|following|upcoming|within(?:\s+the)?(?:\s+next)?)\s+"
    r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|few|several|couple(?:\s+of)?)\s+"
    r"(?P<unit>days|weeks|months|years|decades|hours|minutes|centuries|quarters|day|week|month|year|hour)\b",
    re.I,
)


def _span_period(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    from .units import TIME_UNITS, iso_duration

    n = _count_word(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower()
    if unit.startswith("quarter"):
        return _quarters(m, n, pub)
    letter = TIME_UNITS[unit]
    approx = "approx" if re.search(r"few|several|couple", m.group("n"), re.I) else None
    c = DateCand(m.start(), m.end(), "duration", value=n, unit=iso_duration(n, letter), approx=approx, relative=True, priority=6)
    mod = m.group("mod").lower()
    ahead = not any(k in mod for k in ("past", "last", "previous"))
    if pub is None or unit.startswith(("hour", "minute")):
        return c
    k = int(n)
    delta = {"D": relativedelta(days=k), "W": relativedelta(weeks=k), "M_": relativedelta(months=k), "Y": relativedelta(years=k),
             "DEC": relativedelta(years=10 * k), "CEN": relativedelta(years=100 * k)}[letter]
    if ahead:
        a = pub if "within" in mod else pub + relativedelta(days=1)
        b = a + delta
    else:
        a, b = pub - delta, pub
    if letter in ("D", "W"):
        c.resolved, c.resolved_end, c.granularity = a.isoformat(), b.isoformat(), "day"
    elif letter == "M_":
        c.resolved, c.resolved_end, c.granularity = _iso_month(a.year, a.month), _iso_month(b.year, b.month), "month"
    else:
        c.resolved, c.resolved_end, c.granularity = f"{a.year:04d}", f"{b.year:04d}", "year"
    return c


def _quarters(m: re.Match[str], n: float, pub: dt.date | None) -> DateCand | None:
    k = int(n)
    c = DateCand(m.start(), m.end(), "duration", value=n, unit=f"P{3 * k}M", relative=True, priority=6, granularity="quarter")
    if pub is None:
        return c
    q0 = dt.date(pub.year, (pub.month - 1) // 3 * 3 + 1, 1)
    mod = m.group("mod").lower()
    if any(x in mod for x in ("past", "last", "previous")):
        a, b = q0 - relativedelta(months=3 * k), q0 - relativedelta(months=1)
    else:
        a = q0 + relativedelta(months=3)
        b = a + relativedelta(months=3 * k - 1)
    c.resolved, c.resolved_end = _iso_month(a.year, a.month), _iso_month(b.year, b.month)
    return c


WEEK_TAIL = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(next|following|coming|last|previous|this)\s+week\b", re.I)
VAGUE_DURATION = re.compile(
    r"(?<![\w])(?:(?P<pre>for|in|within|over|about|nearly|almost|than|after|lasted|lasts|last|took|takes|take|spent|spend|around|just|only|half)\s+)?"
    r"(?P<q>an?|a\s+few|few|several|some|a\s+couple\s+of|couple\s+of|all|another|one\s+and\s+a\s+half|one\s+and\s+half)\s+"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|nights?)\b(?P<half>\s+and\s+(?:a\s+)?half)?",
    re.I,
)


def _vague_duration(m: re.Match[str]) -> DateCand | None:
    from .units import TIME_UNITS, iso_duration

    q = re.sub(r"\s+", " ", m.group("q").lower())
    unit = m.group("unit").lower()
    plural = unit.endswith("s") and unit not in ("hours",) or unit == "hours"
    if q in ("a", "an", "another", "all") and plural:
        return None
    if q in ("few", "a few", "several", "some", "a couple of", "couple of") and not plural:
        return None
    if q in ("a", "an") and not m.group("pre") and not m.group("half"):
        return None
    value = {"a": 1, "an": 1, "another": 1, "all": 1, "a few": 3, "few": 3, "several": 3, "some": 3,
             "a couple of": 2, "couple of": 2, "one and a half": 1.5, "one and half": 1.5}[q]
    if m.group("half"):
        value += 0.5
    approx = "approx" if q in ("a few", "few", "several", "some", "a couple of", "couple of") else None
    letter = TIME_UNITS[unit]
    s = m.start("q") if (m.group("pre") or "").lower() not in ("about", "nearly", "almost", "around") else m.start()
    if (m.group("pre") or "").lower() in ("about", "nearly", "almost", "around"):
        approx = "approx"
    return DateCand(s, m.end(), "duration", value=float(value), unit=iso_duration(value, letter), approx=approx, priority=4)


TIME_RANGE = re.compile(
    r"(?<![\w:.])(?:(?P<pre>from|between)\s+)?(?P<h1>[01]?\d|2[0-3])(?:[:.](?P<m1>[0-5]\d))?\s*(?P<ap1>[ap]\.?\s?m\b\.?)?"
    r"\s*(?P<sep>-|–|—|to|until|till|and)\s*"
    r"(?P<h2>[01]?\d|2[0-3])(?:[:.](?P<m2>[0-5]\d))?\s*(?P<ap2>[ap]\.?\s?m\b\.?|o['’]?\s?clock\b)?(?![\w:])",
    re.I,
)


def _time_range(m: re.Match[str]) -> DateCand | None:
    g = m.groupdict()
    ap1 = (g["ap1"] or "").lower().replace(".", "").replace(" ", "")
    ap2 = (g["ap2"] or "").lower().replace(".", "").replace(" ", "")
    if ap2.startswith("o"):
        ap2 = ""
        if not (g["m1"] or g["pre"]):
            return None
    if g["sep"].lower() == "and" and not g["pre"]:
        return None
    if not (ap1 or ap2 or (g["m1"] and g["m2"]) or (g["pre"] and (g["m1"] or g["m2"]))):
        return None
    if (g["m1"] and "." in m.group(0)[:m.start("sep") - m.start()] and not (ap1 or ap2)):
        return None
    h1, h2 = int(g["h1"]), int(g["h2"])
    m1, m2 = int(g["m1"] or 0), int(g["m2"] or 0)
    if ap2 and not ap1:
        if h2 > 12 or h1 > 12:
            return None
        h2 = h2 % 12 + (12 if ap2.startswith("p") else 0)
        c1 = h1 % 12 + (12 if ap2.startswith("p") else 0)
        h1 = c1 if c1 * 60 + m1 < h2 * 60 + m2 else h1 % 12
    elif ap1:
        h1 = h1 % 12 + (12 if ap1.startswith("p") else 0)
        if ap2:
            h2 = h2 % 12 + (12 if ap2.startswith("p") else 0)
        elif h2 * 60 + m2 <= h1 * 60 + m1 and h2 < 12:
            h2 += 12
    if h1 > 23 or h2 > 23:
        return None
    c = DateCand(m.start(), m.end(), "range", f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}", "time", priority=7, time=f"{h1:02d}:{m1:02d}")
    if ap1 or ap2:
        c.extras["ampm"] = True
    return c


YEAR_RANGE = re.compile(
    r"(?<![\w$£€¥.,/#:\-–'])(?:(?P<pre>from|between|in)\s+)?(?P<a>(?:1[6-9]|20)\d\d)\s*(?P<sep>[-–~]|to|through|till|until|and)\s*(?P<b>(?:1[6-9]|20)\d\d|\d\d)(?![\w%.,]\d|\d|\s*(?:%|percent|per\s+cent))",
    re.I,
)
AT_HOUR = re.compile(
    r"\s*,?\s*(?:at|@|around|about|by)\s+(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?m\b\.?|[ap](?![\w]))?(?![\w.:,]\d|\s*(?:%|percent|per\b|million|billion|thousand|people|points?|a\.?m|p\.?m))",
    re.I,
)
AFTER_WORD = re.compile(r"\b(?P<w>after|later\s+than|greater\s+than|beyond)\s+(?:the\s+)?(?:year\s+)?$", re.I)


_PARTS = {
    "morning": ("08:00", "12:00"), "mornings": ("08:00", "12:00"), "afternoon": ("12:00", "16:00"),
    "evening": ("16:00", "20:00"), "night": ("20:00", "23:59"), "night-time": ("00:00", "08:00"),
    "nighttime": ("00:00", "08:00"), "daytime": ("08:00", "18:00"), "lunchtime": ("11:00", "13:00"),
    "lunch": ("11:00", "13:00"), "dinner": ("16:00", "20:00"), "dinnertime": ("16:00", "20:00"),
}
PART_OF_DAY = re.compile(
    r"(?<![\w])(?P<pre>(?:early|late|later|mid)\s+(?:in\s+)?(?:the\s+)?|in\s+the\s+|in\s+|during\s+the\s+|at\s+|this\s+)?"
    r"(?P<part>morning|mornings|afternoon|evening|night-time|nighttime|daytime|lunchtime)\b",
    re.I,
)
HOUR_PART = re.compile(
    r"(?<![\w:])(?P<h>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(?P<mi>[0-5]\d))?"
    r"(?:\s+o['’]?clock)?\s+(?:in\s+the|this|at)\s+(?P<part>morning|afternoon|evening|night)\b",
    re.I,
)
PART_HOUR = re.compile(
    r"(?<![\w])in\s+the\s+(?P<part>morning|afternoon|evening)\s+at\s+(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?(?![\w:])",
    re.I,
)


def _part_of_day(m: re.Match[str]) -> DateCand | None:
    part = m.group("part").lower()
    pre = (m.group("pre") or "").lower().strip()
    a, b = _PARTS[part]
    if pre.startswith(("early", "late", "later", "mid")):
        h1, h2 = int(a[:2]), int(b[:2])
        mid = (h1 + h2) // 2
        a, b = (a, f"{mid:02d}:00") if pre.startswith("early") else (f"{mid:02d}:00", b)
    c = DateCand(m.start(), m.end(), "time", a, b, "time", priority=4, time=a)
    c.extras["part"] = True
    return c


def _hour_in_part(h_raw: str, mi_raw: str | None, part: str) -> str | None:
    h = _hour(h_raw)
    if h is None:
        return None
    part = part.lower()
    if part in ("afternoon", "evening") and h < 12:
        h += 12
    elif part == "night" and 6 <= h < 12:
        h += 12
    elif part == "morning" and h == 12:
        h = 0
    return f"{h:02d}:{int(mi_raw or 0):02d}"


SPAN_PERIOD_AFTER = re.compile(
    r"(?<![\w])(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<mod>next|past|last|previous|coming|following|upcoming)\s+"
    r"(?P<unit>days|weeks|months|years|quarters)\b",
    re.I,
)


WEEK_OF = re.compile(
    r"(?<![\w])(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+of\s+(?:(?:the\s+)?(?:month\s+of\s+)?(?P<mon>" + _MON + r")\b\.?(?:\s*,?\s*(?P<y1>(?:1[6-9]|20)\d\d))?|(?P<y2>(?:1[6-9]|20)\d\d)|(?P<rel>this|next|last)\s+(?P<unit>month|year))",
    re.I,
)
ISO_WEEK = re.compile(r"(?<![\w])(?<!this\s)(?<!next\s)(?<!last\s)(?<!past\s)(?:the\s+)?(?:week|wk)\s*(?P<n>[1-9]|[1-4]\d|5[0-3])(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?(?![\w.,:]\d|\d|\s*[ap]\.?m\b|\w)", re.I)
WEEK_PREFIX = re.compile(r"(?:\bthe\s+)?\bweek\s+(?:of|beginning|starting(?:\s+on)?|commencing)\s+(?:the\s+)?$|\bw/c\s+$", re.I)
WEEKDAY_DAY = re.compile(
    r"(?<![\w])(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\b\.?,?\s+"
    r"(?:(?:the\s+)?(?P<d>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th))|the\s+(?P<dw>" + _ORD_WORD_DAY + r"))(?![\w])(?!\s*(?:of\s+)?" + _MON + r"\b)",
    re.I,
)
DURATION_ANCHOR = re.compile(r"\s+(?P<dir>from|after|before|since)\s+$", re.I)


def _week_of(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n_raw = m.group("n").lower()
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}.get(n_raw, -1)
    c = DateCand(m.start(), m.end(), "date", granularity="week", priority=8)
    if m.group("mon"):
        mon = _mon(m.group("mon"))
        if m.group("y1"):
            y = int(m.group("y1"))
        elif pub is not None:
            y = nearest_year_month(mon, pub)
            c.relative = True
        else:
            c.relative = True
            return c
        if n > 0:
            start = _week_start(dt.date(y, mon, 4)) + relativedelta(weeks=n - 1)
        else:
            last = dt.date(y, mon, 1) + relativedelta(months=1, days=-1)
            start = _week_start(last - relativedelta(days=3))
    else:
        if m.group("y2"):
            y = int(m.group("y2"))
        elif pub is not None:
            c.relative = True
            if m.group("unit").lower() == "month":
                step = {"this": 0, "next": 1, "last": -1}[m.group("rel").lower()]
                d = pub + relativedelta(months=step)
                if n > 0:
                    start = _week_start(dt.date(d.year, d.month, 4)) + relativedelta(weeks=n - 1)
                else:
                    last = dt.date(d.year, d.month, 1) + relativedelta(months=1, days=-1)
                    start = _week_start(last - relativedelta(days=3))
                c.day, c.resolved, c.resolved_end = start, start.isoformat(), (start + relativedelta(days=6)).isoformat()
                return c
            y = pub.year + {"this": 0, "next": 1, "last": -1}[m.group("rel").lower()]
        else:
            c.relative = True
            return c
        if n > 0:
            start = dt.date.fromisocalendar(y, n, 1)
        else:
            start = _week_start(dt.date(y, 12, 28))
    c.day, c.resolved, c.resolved_end = start, start.isoformat(), (start + relativedelta(days=6)).isoformat()
    return c


def _iso_week(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n = int(m.group("n"))
    c = DateCand(m.start(), m.end(), "date", granularity="week", priority=6)
    if m.group("y"):
        y = int(m.group("y"))
    elif pub is not None:
        y = pub.year
        c.relative = True
    else:
        c.relative = True
        return c
    try:
        start = dt.date.fromisocalendar(y, n, 1)
    except ValueError:
        return None
    c.day, c.resolved, c.resolved_end = start, start.isoformat(), (start + relativedelta(days=6)).isoformat()
    return c


def _weekday_day(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    wd = WEEKDAYS.get(m.group("wd").lower().rstrip("."), 6 if m.group("wd").lower().startswith("sun") else None)
    day = _day_number(m.group("d") or m.group("dw"))
    if wd is None or not day or day > 31:
        return None
    c = DateCand(m.start(), m.end(), "date", granularity="day", relative=True, priority=8)
    if pub is None:
        return c
    best: dt.date | None = None
    for k in range(-12, 13):
        base = pub + relativedelta(months=k)
        d = _valid(base.year, base.month, day)
        if d and d.weekday() == wd and (best is None or abs((d - pub).days) < abs((best - pub).days)):
            best = d
    if best is None:
        return None
    c.day, c.resolved = best, best.isoformat()
    return c
