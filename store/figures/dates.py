"""Dates, times, date ranges and recurring sets, resolved against a publication date."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from dateutil.relativedelta import relativedelta

from store.dates import DAY_OF_MONTH_CYRILLIC

from .numbers import SMALL
from .dateparts import (
    Coverage,
    DateCand,
    MONTHS,
    WEEKDAYS,
    ABBR_DOT,
    MONTH_NAMES,
    MONTH_WORD,
    ODD_FOLD,
    ORD_WORD_DAY,
    WEEKDAY_LEAD,
    YEAR_WORD,
    day_number,
    is_unit,
    iso_month,
    month_number,
    month_ok,
    valid_date,
    week_start,
    year_of,
    words_of,
    matches_at,
    looks_ahead,
    looks_back,
    nearest_year_day,
)
from .times import (
    AT_HOUR,
    HALF_PAST,
    HOUR_PART,
    PART_HOUR,
    PART_OF_DAY,
    TIME,
    TIME_RANGE,
    half_past,
    hour_in_part,
    part_of_day,
    shift_pm,
    clock_time,
    hour_range,
    with_time,
)
from .relative import (
    AGO,
    CYRILLIC_WEEKDAY,
    DAY_OF_MONTH,
    HOLIDAY,
    IN_FUTURE,
    ISO_WEEK,
    RECENT,
    RELATIVE_DAY,
    RELATIVE_PERIOD,
    SETS,
    SPAN_PERIOD,
    SPAN_PERIOD_AFTER,
    VAGUE_DURATION,
    WEEKDAY_DAY,
    WEEKDAY_I,
    WEEK_OF,
    WEEK_TAIL,
    YEAR_TO_DATE,
    ago,
    holiday,
    in_future,
    iso_week,
    names_something,
    recent,
    relative_day,
    relative_period,
    resolve_month,
    recurring,
    span_period,
    vague_duration,
    cyrillic_weekday,
    week_of,
    weekday_date,
    weekday_day,
)

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d/.])(?<!\d-)(?P<y>(?:1[6-9]|20)\d\d)[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])(?![\d/]|[-.]\d)")),
    ("dmy_num", re.compile(r"(?<![\d/.:-])(?<!\d-)(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[-/.])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?![\w/]|\.\d|-\d{1,2}(?![/\d-]))")),
    ("dmon_y", re.compile(r"(?<![\w/])(?P<d>0?[1-9]|[12]\d|3[01])([-/])(?P<mon>" + MONTH_NAMES + r")\2(?P<y>(?:1[6-9]|20)\d\d)\b", re.I)),
    ("ymon_d", re.compile(r"(?<![\w/])(?P<y>(?:1[6-9]|20)\d\d)([-/])(?P<mon>" + MONTH_NAMES + r")\2(?P<d>0?[1-9]|[12]\d|3[01])\b", re.I)),
    # The leading \b and first letters let the engine reject most positions before trying the alternatives.
    ("md", re.compile(
        r"\b(?=[adfjmnostw])" + WEEKDAY_LEAD + r"(?<![\w])" + MONTH_WORD + r"(?:\s*+[-/]\s*+(?=\d)|\s*+)(?:the\s++)?(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|" + ORD_WORD_DAY + r"|(?:twenty|thirty)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|" + "|".join(sorted(SMALL, key=len, reverse=True)) + r"|twenty|thirty)(?![\d\w]|:\d)"
        r"(?:\s*+(?:[-–—]|to|through|until|till|and)\s*+(?P<day2>(?:0?[1-9]|[12]\d|3[01]))(?:st|nd|rd|th)?(?![\d\w]|:\d))?"
        r"(?:\s*+(?:[,/-]\s*+)?(?:(?:in|of)\s++)?(?P<year>(?:1[6-9]|20)\d\d)(?![\d%]))?", re.I)),
    ("dm", re.compile(
        r"\b(?=[\dmtwfsen])" + WEEKDAY_LEAD + r"(?<![\w])(?:the\s+)?(?P<day>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|" + ORD_WORD_DAY + r")"
        r"(?:\s*+(?:[-–—]|to|and)\s*+(?P<day0>(?:0?[1-9]|[12]\d|3[01]))(?:st|nd|rd|th)?)?"
        r"(?:\s++of)?\s*+" + MONTH_WORD + r"(?:\s*+(?:,\s*+)?(?:(?:in|of)\s++)?(?P<year>(?:1[6-9]|20)\d\d)(?![\d%]))?", re.I)),
    ("my", re.compile(r"(?<![\w])" + MONTH_WORD + r"\s*+(?:[-/,]\s*+)?(?:of\s++)?" + YEAR_WORD, re.I)),
    ("ym", re.compile(r"(?<![\w$])(?P<year>(?:1[6-9]|20)\d\d)\s+" + MONTH_WORD + r"(?!\s*\d)", re.I)),
    ("ym_num", re.compile(r"(?<![\w/.-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0?[1-9]|1[0-2])(?![\w/]|[-.]\d)")),
    ("my_num", re.compile(r"(?<![\w/.-])(?P<m>0?[1-9]|1[0-2])-(?P<y>(?:1[6-9]|20)\d\d)(?![\w/]|[-.]\d)")),
    ("md_num", re.compile(r"(?P<pre>\b(?:on|from|to|by|until|till|between|since|before|after|and|or|this|next|due|through|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat)\b,?\s*|^|,\s*|[?:]\s+)(?P<m>0?[1-9]|[12]\d|3[01])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)", re.I)),
    ("compact", re.compile(r"(?<![\w.,-])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.,])")),
]


MONTH_ALONE = re.compile(
    r"\b(?=[abdefijlmnostu])(?P<pre>\b(?:in|since|until|till|by|from|through|during|last|next|this|of|before|after|between|until|early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?|(?:mid|early|late)-)?(?<![\w])(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|aug|sept|sep|oct|nov|dec)\b" + ABBR_DOT,
    re.I,
)


YEAR_ALONE = re.compile(r"(?<![\w$£€¥.,/#:\-–'])(?P<pre>(?:mid|early|late|pre|post)-|(?:the\s+)?(?:(?:end|start|beginning|middle|turn|close)\s+of\s+(?:the\s+)?)?(?:year|fiscal|fy|cy)\s+|(?:the\s+)?(?:end|start|beginning|middle|turn|close)\s+of\s+)?(?P<year>(?:1[5-9]|20)\d\d)(?P<s>s|'s)?(?![\w.,:/]\d|\d|[%°]|\s*(?:percent|per\s+cent)\b|-\d)")


SHORT_DECADE = re.compile(r"(?<![\w])(?:the\s+)?['’](?P<d>\d)0s\b|(?<![\w])(?:the\s+)?(?P<d2>[2-9])0\s?s\b")


CENTURY = re.compile(
    r"(?<![\w])(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+centur(?:y|ies)\b|(?<![\w])(?P<w>" + ORD_WORD_DAY + r")[\s-]+centur(?:y|ies)\b",
    re.I,
)


# "the first quarter of 2025", "fourth-quarter 2024", "the second half of last year", "next year's first quarter".
QUARTER_WORDS = re.compile(
    r"(?<![\w])(?:(?P<pre>this|last|next)\s+year['’]s\s+|the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<u>quarter|half)"
    r"(?(pre)\b|\s+(?:(?:of\s+)?(?P<y>(?:19|20)\d\d)(?!\d)|of\s+(?P<rel>the|this|last|next)\s+year\b))", re.I)
_YEAR_STEP = {"the": 0, "this": 0, "last": -1, "next": 1}
_ORDINAL_PART = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SINCE = re.compile(r"\b(?P<w>since|until|till|before|after|by|as\s+of|starting|beginning|from)\s+(?:the\s+)?$", re.I)


_QUARTER = re.compile(r"(?<![\w])(?:(?P<y>(?:19|20)\d\d)[\s-]*(?P<q>[qh][1-4])|(?P<q2>[qh]-?[1-4])\s*[-/]?\s*(?:of\s+)?(?P<y2>(?:19|20)\d\d)|(?P<q3>[qQ][1-4]))\b", re.I)


_DIGIT = re.compile(r"\d")


_MONTH_ANY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


_MONTH_PATTERNS = frozenset({"md", "dm", "my", "ym", "dmon_y", "ymon_d"})
# Patterns whose match begins with a digit.
_DIGIT_FIRST = frozenset({"iso", "dmy_num", "dmon_y", "ymon_d", "ym", "ym_num", "my_num", "compact"})


_AGO_GATE = re.compile(r"\b(?:ago|earlier|later|from\s+now|(?:from|after|before)\s+(?:today|tomorrow|tmrw|yesterday))\b", re.I)


_WEEKDAY_GATE = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_MONTH3 = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
_WEEKDAY3 = frozenset(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))


_TIME_GATE = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.?\s?m\b|\d\d\d\d\s*[ap]\.?m|noon|midnight|midday|clock|\d\s*[ap](?:[\s.]|$)", re.I)


# Cheaper tests for what a pass needs before it can match; each pattern scans the whole text.
_DIGIT_SEP = re.compile(r"\d[-/.]\d")
_DIGIT_SEP_MONTH = re.compile(r"\d[-/]" + MONTH_NAMES, re.I)
_EIGHT_DIGITS = re.compile(r"\d{8}")
_YEAR4 = re.compile(r"(?:1[5-9]|20)\d\d")
_YEAR_MONTH = re.compile(r"(?:1[6-9]|20)\d\d\s+" + MONTH_NAMES, re.I)
_DECADE_GATE = re.compile(r"0\s?s")
_QUARTER_GATE = re.compile(r"[1-4](?:(?<=[qh][1-4])|(?<=[qh]-[1-4]))", re.I)
_TIME_RANGE_GATE = re.compile(r"\d(?:[:.][0-5]\d)?(?:\s*+[ap]\.?\s?m\b\.?)?\s*+(?:-|–|—|to|until|till|and)\s*+\d", re.I)
_HALF_PAST_GATE = re.compile(r"\s(?:past|to)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)", re.I)
# The unit after the end of a quantity (a, an, few, several, some, couple of, all, another, half), or after the
# last letter of a period's qualifier (this, last, next, past, previous, coming, following, current, same, the, of).
_VAGUE_GATE = re.compile(
    r"\s(?=\s*(?:second|minute|hour|day|week|month|year|decade|night))"
    r"(?:(?<=\ba\s)|(?<=an\s)|(?<=ew\s)|(?<=al\s)|(?<=me\s)|(?<=of\s)|(?<=ll\s)|(?<=er\s)|(?<=lf\s))",
    re.I,
)
_PERIOD_GATE = re.compile(r"\s(?<=[stgef]\s)\s*(?:week|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|day)", re.I)
# The unit of a span after the last character of its count (digit, one, two, four, six, seven, eight, twenty,
# few, several, couple, couple of) or, for "two next weeks", of its qualifier (next, past, last, previous, coming...).
_SPAN_GATE = re.compile(r"\s(?<=[\deorxntywlf]\s)\s*(?:day|week|month|year|decade|hour|minute|centur|quarter)", re.I)
_SPAN_AFTER_GATE = re.compile(r"\s(?<=[tsg]\s)\s*(?:day|week|month|year|quarter)", re.I)
# Each match of SETS has one of these as a whole word.
_SET_TOKENS = frozenset((
    "every", "each", "daily", "weekly", "monthly", "yearly", "annual", "annually", "quarterly", "hourly", "nightly",
    "fortnightly", "biweekly", "everyday", "once", "twice", "times",
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
))
_TWO_SEPS = re.compile(r"\d[-/.]\d{1,2}[-/.]\d")
_AGO_UNIT_GATE = re.compile(r"\s(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\s+(?:ago|earlier|before|later|from|after)", re.I)
# A weekday pattern matches one of these as a whole word (WEEKDAY_I also in the plural).
_WEEKDAY_FORMS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thus", "thurs", "fri", "sat")
_WEEKDAY_TOKENS = frozenset(_WEEKDAY_FORMS + tuple(w + "s" for w in _WEEKDAY_FORMS) + ("sun",))
_TIME_DIGIT_GATE = re.compile(r"\d(?:[:.]\d\d|\s*[ap]\.?\s?m\b|(?<=\d\d\d\d)\s*[ap]\.?m|\s*[ap](?:[\s.]|$))", re.I)
_TIME_WORDS = ("noon", "midnight", "midday", "clock")


_HOLIDAY_WORDS = ("christmas", "new year", "valentine", "halloween", "victory", "easter", "thanksgiving", "black friday", "patrick", "earth day", "women", "may day", "boxing")


_SPAN_WORDS = ("next", "past", "last", "previous", "coming", "following", "upcoming", "within")


_AGO_WORDS = ("ago", "earlier", "before", "later", "from", "after")


_WEEKDAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


_DAY_WORDS = ("today", "yesterday", "tomorrow", "tmrw", "tonight", "night", "morning", "afternoon", "evening", "day")


_PERIOD_WORDS = ("week", "month", "year", "quarter", "decade", "century", "spring", "summer", "autumn", "fall", "winter")


_RECENT_WORDS = ("recent", "few", "coming", "next")


# "the past day", "in the last day": the day up to the article; "day" alone would open the pass to most texts.
_DAY_PERIODS = ("past day", "last day")


_SET_WORDS = ("every", "each", "daily", "weekly", "monthly", "annual", "yearly", "quarterly", "hourly", "nightly", "fortnightly", "biweekly", "once", "twice", "times", "days")


_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "night")


def _has(low: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in low:
            return True
    return False


# _AGO_GATE matches one of these as a whole word, or a word of the first set and then one of the second.
_AGO_ALONE = frozenset(("ago", "earlier", "later"))
_AGO_LEADS = frozenset(("from", "after", "before"))
_AGO_TAILS = frozenset(("now", "today", "tomorrow", "tmrw", "yesterday"))


def _ago_gate(text: str, lowered: str, words: frozenset[str] | None) -> bool:
    if words is None:
        return _has(lowered, _AGO_WORDS) and _AGO_GATE.search(text) is not None
    if not words.isdisjoint(_AGO_ALONE):
        return True
    return not words.isdisjoint(_AGO_LEADS) and not words.isdisjoint(_AGO_TAILS) and _AGO_GATE.search(text) is not None


# How far before its month name a match can start, when no two spaces or dashes are next to each other:
# "wednesday., the " for md; weekday, "the ", "twenty-seventh", " and 31st", " of " for dm;
# "beginning of the early-" for MONTH_ALONE; my starts at the month.
_MONTH_REACH = {"md": 16, "dm": 47, "my": 0, "alone": 23}
# Only dm lets its month name follow a letter or digit, and then only the end of a day or of "of" ("5May", "fifthof May").
_GLUED_TAILS = frozenset(("st", "nd", "rd", "th", "of", "ne", "wo", "ee", "ur", "ve", "ix", "en", "ht"))
_LONG_GAP = re.compile(r"[\s-]{2}")
# The letters the patterns' leading lookaheads let a match begin with (dm also a digit).
_MONTH_FIRST = {"md": frozenset("adfjmnostwADFJMNOSTW"), "dm": frozenset("mtwfsenMTWFSEN"), "alone": frozenset("abdefijlmnostuABDEFIJLMNOSTU")}
_RUN = re.compile(r"\w+")


def _near_month(text: str, lowered: str) -> dict[str, list[int]] | None:
    """For each month pattern, the starts of words close enough before a month name to begin its match, or None to scan it all.

    Every match of those patterns begins a word, so trying them there finds what a scan of the text finds.
    lowered must line up with text, character for character.
    """
    if _LONG_GAP.search(text):
        return None
    free: list[int] = []
    glued: list[int] = []
    for stem in _MONTH3:
        q = lowered.find(stem)
        while q != -1:
            if q == 0 or not (text[q - 1].isalnum() or text[q - 1] == "_"):
                free.append(q)
            elif text[q - 1].isdecimal() or lowered[q - 2:q] in _GLUED_TAILS:
                glued.append(q)
            q = lowered.find(stem, q + 1)
    if not free and not glued:
        return dict.fromkeys(_MONTH_REACH, [])
    every = sorted(free + glued) if glued else sorted(free)
    reach = max(_MONTH_REACH.values())
    words: list[int] = []
    end = -1
    for q in every:
        words.extend(m.start() for m in _RUN.finditer(text, max(0, q - reach, end), q + 1))
        end = q + 1
    words.sort()
    free.sort()
    near: dict[str, list[int]] = {}
    for name, back in _MONTH_REACH.items():
        starts: list[int] = []
        done = 0
        for q in every if name == "dm" else free:
            hi = bisect_right(words, q)
            lo = max(done, bisect_left(words, q - back))
            starts.extend(words[lo:hi])
            done = max(done, hi)
        first = _MONTH_FIRST.get(name)
        if first is not None:
            digits = name == "dm"
            starts = [w for w in starts if text[w] in first or (digits and text[w].isdecimal())]
        near[name] = starts
    return near


# "12 березня", "5 марта 2025 года": a day of a Ukrainian or Russian month.
_CYRILLIC_DAY = re.compile(
    r"(?<![\w.,])(?P<day>[0-3]?\d)\s+(?P<mon>%s)(?!\w)" % "|".join(DAY_OF_MONTH_CYRILLIC) +
    r"(?:\s+(?P<year>(?:1[6-9]|20)\d\d)(?:\s*(?:р\.|року|г\.|года)(?!\w))?(?![\w.,]\d))?",
    re.IGNORECASE,
)


def _cyrillic_day(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    month, day = DAY_OF_MONTH_CYRILLIC[m.group("mon").lower()], int(m.group("day"))
    cand = DateCand(m.start(), m.end(), granularity="day", priority=8)
    if m.group("year"):
        cand.day = valid_date(int(m.group("year")), month, day)
    elif pub is not None:
        cand.day, cand.relative = nearest_year_day(month, day, pub), True
    else:
        return None
    if cand.day is None:
        return None
    cand.resolved = cand.day.isoformat()
    return cand


def find_dates(text: str, pub: dt.date | None, words: frozenset[str] | None = None, at: int | None = None) -> list[DateCand]:
    """at: where the first digit of text is, its length if it has none; found here when not given."""
    out: list[DateCand] = []
    taken = Coverage(len(text))

    lowered = text.lower()
    plain = text.isascii() or ODD_FOLD.search(text) is None
    if at is None:
        first_digit = _DIGIT.search(text)
        at = len(text) if first_digit is None else first_digit.start()
    # Passes whose matches begin with a digit start looking at the first one.
    digit = at < len(text)
    year4 = digit and _YEAR4.search(text, at) is not None
    if words is None:
        words = words_of(text)
    if words is not None:
        # A \b followed by a letter is where a word starts, so this is the same test as the two searches below.
        starts = {w[:3] for w in words}
        month = not starts.isdisjoint(_MONTH3)
        weekday = not starts.isdisjoint(_WEEKDAY3)
    else:
        month = _MONTH_ANY.search(text) is not None
        weekday = _WEEKDAY_GATE.search(text) is not None
    unit_word = _has(lowered, _UNIT_WORDS)
    weekday_word = words is None or not words.isdisjoint(_WEEKDAY_TOKENS)

    def free(s: int, e: int) -> bool:
        return not taken.hits(s, e)

    def add(c: DateCand) -> None:
        out.append(c)
        taken.add(c.start, c.end)

    near_month = _near_month(text, lowered) if month and words is not None else None
    if digit or month:
        skip: set[str] = set()
        if digit:
            if _DIGIT_SEP.search(text, at) is None:
                skip.update(("iso", "dmy_num", "ym_num", "my_num"))
            elif _TWO_SEPS.search(text, at) is None:
                skip.update(("iso", "dmy_num"))
            if _EIGHT_DIGITS.search(text, at) is None:
                skip.add("compact")
            if month and _DIGIT_SEP_MONTH.search(text, at) is None:
                skip.update(("dmon_y", "ymon_d"))
            if month and not (year4 and _YEAR_MONTH.search(text, at)):
                skip.add("ym")
        else:
            skip.update(("dmon_y", "ymon_d", "ym"))
        if not year4 and "'" not in text:
            skip.add("my")
        for name, pat in DATE_PATTERNS:
            if (name in _MONTH_PATTERNS and not month) or (name not in _MONTH_PATTERNS and not digit):
                continue
            if name in skip:
                continue
            if name == "md_num" and "/" not in text:
                continue
            for m in matches_at(pat, text, near_month[name]) if near_month is not None and name in _MONTH_REACH else pat.finditer(text, at if name in _DIGIT_FIRST else 0):
                if not free(m.start(), m.end()):
                    continue
                c = _absolute(name, m, text, pub)
                if c is not None:
                    add(c)
    if digit and not text.isascii():
        for m in _CYRILLIC_DAY.finditer(text, at):
            if free(m.start(), m.end()):
                c = _cyrillic_day(m, pub)
                if c is not None:
                    add(c)
    if "week" in lowered or "wk" in lowered:
        for m in WEEK_OF.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = week_of(m, pub)
            if c is not None:
                add(c)
        if digit:
            for m in ISO_WEEK.finditer(text):
                if not free(m.start(), m.end()):
                    continue
                c = iso_week(m, pub)
                if c is not None:
                    add(c)
    if weekday and weekday_word:
        for m in WEEKDAY_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = weekday_day(m, pub)
            if c is not None:
                add(c)
    if digit and _QUARTER_GATE.search(text, at):
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
            n = int(q[-1])
            if q[0] == "q":
                sm, em = 3 * n - 2, 3 * n
            else:
                if n > 2:
                    continue
                sm, em = 6 * n - 5, 6 * n
            add(DateCand(m.start(), m.end(), "date", iso_month(year, sm), iso_month(year, em), "quarter" if q[0] == "q" else "half", priority=7))
    if ("quarter" in lowered or "half" in lowered) and (digit or "year" in lowered):
        for m in QUARTER_WORDS.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _part_of_a_year(m, pub)
            if c is not None:
                add(c)
    if 'centur' in lowered:
        for m in CENTURY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            n = int(m.group("n")) if m.group("n") else day_number(m.group("w"))
            if not n or n > 21:
                continue
            add(DateCand(m.start(), m.end(), "date", f"{(n - 1) * 100:04d}", f"{(n - 1) * 100 + 99:04d}", "century", priority=7))
    if digit and _DECADE_GATE.search(text, at):
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
            c = holiday(m, text, pub)
            if c is not None:
                add(c)
    span_word = _has(lowered, _SPAN_WORDS)
    if span_word and _SPAN_GATE.search(text):
        for m in SPAN_PERIOD.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = span_period(m, pub)
            if c is not None:
                add(c)
    if span_word and _SPAN_AFTER_GATE.search(text):
        for m in SPAN_PERIOD_AFTER.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = span_period(m, pub)
            if c is not None:
                add(c)
    if month:
        for m in matches_at(MONTH_ALONE, text, near_month["alone"]) if near_month is not None else MONTH_ALONE.finditer(text):
            if not free(m.start("mon"), m.end()):
                continue
            word = m.group("mon")
            low = word.casefold()
            pre = (m.group("pre") or "").lower()
            if word[0].islower() and not pre:
                continue
            if text[max(0, m.start("mon") - 1):m.start("mon")] in ("$", "#", "@") or (word.isupper() and len(word) <= 4 and not pre):
                continue
            if low in ("may", "march") and not _word_names_the_month(text, m, pre):
                continue
            if _AFTER_THE.fullmatch(pre):
                pre = ""
            s = m.start() if pre.strip() not in ("in", "of", "by", "during", "through", "between", "") else m.start("mon")
            if re.match(r"\s*(?:\d|[-/]\d)", text[m.end():m.end() + 3]):
                continue
            c = resolve_month(MONTHS[low[:3] if low[:3] in MONTHS else low], pre, text, m.start("mon"), pub)
            c.start, c.end = s, m.end()
            add(c)
    if _ago_gate(text, lowered, words) and _AGO_UNIT_GATE.search(text):
        for m in AGO.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = ago(m, pub)
            if c is not None:
                add(c)
    # A weekday glued to "week" ("next weekMonday") is not a word of its own.
    if weekday and (weekday_word or "week" in lowered):
        for m in WEEKDAY_I.finditer(text):
            if not free(m.start(), m.end()):
                continue
            wd = m.group("wd")
            if len(wd) <= 4 and not wd[0].isupper():
                continue
            if wd[0].islower() and not (m.group("mod") or m.group("week")):
                pre = text[max(0, m.start() - 4):m.start()].lower()
                if not re.search(r"(?:on|by|,)\s*$", pre) and m.start() != 0 and not re.match(r"\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night)", text[m.end():m.end() + 20], re.I):
                    continue
            if m.group("pl"):
                continue
            c = weekday_date(m, text, pub)
            tail = WEEK_TAIL.match(text, m.end())
            if tail and pub is not None and c.day is not None:
                step = {"next": 1, "following": 1, "coming": 1, "last": -1, "previous": -1, "this": 0}[tail.group(1).lower()]
                d = week_start(pub) + relativedelta(weeks=step, days=WEEKDAYS[wd.lower()])
                c.day, c.resolved, c.end = d, d.isoformat(), tail.end()
            add(c)
    if not text.isascii():
        for m in CYRILLIC_WEEKDAY.finditer(text):
            if free(m.start(), m.end()):
                add(cyrillic_weekday(m, text, pub))
    if _has(lowered, _DAY_WORDS):
        for m in RELATIVE_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if m.group("w")[0].isupper() and re.search(r"[A-Z][\w.]*\s?$", text[max(0, m.start() - 12):m.start()]):
                continue
            add(relative_day(m, pub))
    period = _PERIOD_GATE.search(text) if _has(lowered, _PERIOD_WORDS) or _has(lowered, _DAY_PERIODS) else None
    if period is not None:
        # The gate matches where the qualifier of each match ends, and a qualifier has at most four words.
        head = text[:period.start()].rsplit(None, 4)
        for m in RELATIVE_PERIOD.finditer(text, text.find(head[1], len(head[0])) if len(head) == 5 else 0):
            if not free(m.start(), m.end()):
                continue
            c = relative_period(m, text, pub)
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
                options = [x for x in (valid_date((pub + relativedelta(months=k)).year, (pub + relativedelta(months=k)).month, day) for k in (-1, 0, 1)) if x]
                if not options:
                    continue
                best = min(options, key=lambda x: abs((x - pub).days))
                c.day, c.resolved = best, best.isoformat()
            add(c)
    if _has(lowered, _RECENT_WORDS):
        for m in RECENT.finditer(text):
            if not free(m.start(), m.end()):
                continue
            add(recent(m, pub))
    if (words is None or not words.isdisjoint(_SET_TOKENS)) and _has(lowered, _SET_WORDS):
        for m in SETS.finditer(text):
            if not free(m.start(), m.end()) or names_something(text, m):
                continue
            add(recurring(m))
    if 'in ' in lowered and unit_word:
        for m in IN_FUTURE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if not looks_ahead(text, m.start()):
                continue
            c = in_future(m, pub)
            if c is not None:
                add(c)
    if unit_word and _VAGUE_GATE.search(text):
        for m in VAGUE_DURATION.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = vague_duration(m)
            if c is not None:
                add(c)
    if ('past' in lowered or ' to ' in lowered) and _HALF_PAST_GATE.search(text):
        for m in HALF_PAST.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = half_past(m)
            if c is not None:
                add(c)
    if _has(lowered, ("morning", "afternoon", "evening", "night")):
        for m in HOUR_PART.finditer(text):
            if not free(m.start(), m.end()):
                continue
            hm = hour_in_part(m.group("h"), m.group("mi"), m.group("part"))
            if hm:
                add(DateCand(m.start(), m.end(), "time", hm, granularity="time", priority=6, time=hm))
        for m in PART_HOUR.finditer(text):
            if not free(m.start(), m.end()):
                continue
            hm = hour_in_part(m.group("h"), m.group("mi"), m.group("part"))
            if hm:
                add(DateCand(m.start(), m.end(), "time", hm, granularity="time", priority=6, time=hm))
    if digit and _TIME_RANGE_GATE.search(text, at):
        for m in TIME_RANGE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = hour_range(m)
            if c is not None:
                add(c)
    if (digit and _TIME_DIGIT_GATE.search(text, at)) or (_has(lowered, _TIME_WORDS) if plain else _TIME_GATE.search(text)):
        for m in TIME.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = clock_time(m, text)
            if c is not None:
                add(c)
    if _has(lowered, ("morning", "afternoon", "evening", "night", "daytime", "lunchtime")):
        for m in PART_OF_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = part_of_day(m, text)
            if c is not None:
                add(c)
    if year4:
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
    if year4:
        for m in YEAR_ALONE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            c = _year_alone(m, text)
            if c is not None:
                add(c)
    out.sort(key=lambda c: c.start)
    out = _merge(out, text, pub)
    return out


def _part_of_a_year(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    """A quarter or half named in words, of a year given in digits or said relative to the article ("of last year")."""
    n = _ORDINAL_PART[m.group("n").lower()]
    unit = m.group("u").lower()
    if unit == "half" and n > 2:
        return None
    c = DateCand(m.start(), m.end(), "date", granularity=unit, priority=7)
    if m.group("y"):
        year = int(m.group("y"))
    else:
        c.relative = True
        if pub is None:
            return c
        year = pub.year + _YEAR_STEP[(m.group("pre") or m.group("rel")).lower()]
    months = 6 if unit == "half" else 3
    c.resolved, c.resolved_end = iso_month(year, months * (n - 1) + 1), iso_month(year, months * n)
    return c


def _absolute(name: str, m: re.Match[str], text: str, pub: dt.date | None) -> DateCand | None:
    g = m.groupdict()
    if name == "iso":
        d = valid_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return None if d is None else DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name == "dmy_num":
        a, b, y = int(g["a"]), int(g["b"]), year_of(g["y"])
        sep = re.findall(r"[-/.]", m.group(0))
        if a > 12:
            d = valid_date(y, b, a)
        elif b > 12:
            d = valid_date(y, a, b)
        elif sep and sep[0] == ".":
            d = valid_date(y, b, a)
        else:
            d = valid_date(y, a, b)
        if d is None or (len(g["y"]) == 2 and sep and sep[0] == "."):
            return None
        return DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name in ("dmon_y", "ymon_d"):
        d = valid_date(int(g["y"]), month_number(g["mon"]), int(g["d"]))
        return None if d is None else DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name in ("md", "dm"):
        if not month_ok(text, m):
            return None
        mon = month_number(g["mon"])
        day = day_number(g["day"])
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
            d = valid_date(year, mon, day)
            if d is None:
                return None
            cand.day = d
        elif pub is not None:
            d = nearest_year_day(mon, day, pub)
            # Looking ahead only drops the years more than a week before pub, so it matters only when one of them is
            # nearest (or when pub is too early to go a week back from, which raises).
            if d is not None and ((pub - d).days > 7 or pub.toordinal() <= 7) and looks_ahead(text, m.start()):
                d = nearest_year_day(mon, day, pub, True)
            if d is None:
                return None
            if (d - pub).days > 31 and looks_back(text, m.start()):
                d = valid_date(d.year - 1, mon, day) or d
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
                e = valid_date(cand.day.year, mon, d2n)
                if e is None:
                    return None
                cand.resolved_end = e.isoformat()
        return cand
    if name == "my":
        if not month_ok(text, m):
            return None
        y = year_of(g["year"])
        mon = month_number(g["mon"])
        return DateCand(m.start(), m.end(), resolved=iso_month(y, mon), granularity="month", priority=7, extras={"ym": (y, mon)})
    if name == "ym":
        if not month_ok(text, m):
            return None
        y = int(g["year"])
        mon = month_number(g["mon"])
        return DateCand(m.start(), m.end(), resolved=iso_month(y, mon), granularity="month", priority=7, extras={"ym": (y, mon)})
    if name in ("ym_num", "my_num"):
        y, mon = int(g["y"]), int(g["m"])
        return DateCand(m.start(), m.end(), resolved=iso_month(y, mon), granularity="month", priority=6, extras={"ym": (y, mon)})
    if name == "compact":
        d = valid_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return None if d is None else DateCand(m.start(), m.end(), day=d, resolved=d.isoformat(), granularity="day", priority=8)
    if name == "md_num":
        if not _slash_pair_is_dated(text, m):
            return None
        mon, day = int(g["m"]), int(g["d"])
        follow = re.match(r"\s+(?:of\b|(\w+))", text[m.end():m.end() + 20])
        if follow and (follow.group(1) is None or is_unit(follow.group(1))):
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


_MAY_LEAD = re.compile(r"\b(?:in|since|until|till|by|from|through|during|early|mid|late|of|between)\b")
_NEAR_LEAD = re.compile(r"\b(?:last|next|this)\b")
# A month and a joining word right before a month name, or a comma or joining word and a month right after it. Not a
# comma before: "In April, May said" is the person.
_MONTH_JOINED_BEFORE = re.compile(r"\b" + MONTH_NAMES + r"\b" + ABBR_DOT + r"\s*+(?:and|or|to|through|until|till|[-–])\s*+$", re.I)
_MONTH_JOINED_AFTER = re.compile(r"\s*+(?:,|and|or|to|through|until|till|[-–])\s*+(?:the\s+)?" + MONTH_NAMES + r"\b", re.I)


def _word_names_the_month(text: str, m: re.Match[str], pre: str) -> bool:
    """Whether "May" or "March", words too, name a month: after a word that leads to a date ("in May", "last March"),
    or, capitalised, joined to another month ("April and May", "March, April and May")."""
    word = m.group("mon")
    if word.casefold() == "may":
        if _MAY_LEAD.search(pre) or (word == "May" and _NEAR_LEAD.search(pre)):
            return True
    elif pre:
        return True
    if not word[0].isupper():
        return False
    start = m.start("mon")
    return (_MONTH_JOINED_BEFORE.search(text, max(0, start - 20), start) is not None
            or _MONTH_JOINED_AFTER.match(text, m.end()) is not None)


_DAY_LEAD = re.compile(r"(?:on|from|to|by|until|till|between|this|next|due|through|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat)", re.I)
_EVENT_LEAD = frozenset(("since", "before", "after"))
_SLASH_DATE_BEFORE = re.compile(r"\d/\d{1,4}\s*(?:,|and|or|[-–]|to)?\s*$", re.I)
_TIME_OR_DATE_AFTER = re.compile(
    r"\s*(?:(?:at|@|before|after|from|between|by|until)\s+)?(?:\d{1,2}[:.]\d\d|\d{1,2}\s*[ap]\.?m\b)|\s*(?:,|and|or|[-–]|to)\s*\d{1,2}/\d", re.I)
_ENDS_THERE = re.compile(r"\s*(?:[,.;?!)]|$)")


def _slash_pair_is_dated(text: str, m: re.Match[str]) -> bool:
    """Whether "5/12" without a year is a date: after a word that leads to a day, or beside a time or another such date;
    otherwise only standing alone, and never after since/before/after alone ("since 9/11" names an event)."""
    pre = m.group("pre").strip(" ,?:").lower()
    if _DAY_LEAD.fullmatch(pre):
        return True
    if _TIME_OR_DATE_AFTER.match(text, m.end()) or _SLASH_DATE_BEFORE.search(text, 0, m.start("m")):
        return True
    return pre not in _EVENT_LEAD and _ENDS_THERE.match(text, m.end()) is not None


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
    if re.search(r"(?:\b(?:no|number|nos?|nr|page|pp|p|room|flight|route|exit|model|version|v|article|section|resolution|chapter|paragraph|clause|amendment|protocol|code|id|#|tel|phone|box|suite|unit)\.?\s*)$", before, re.I):
        return None
    if (re.match(r"\s+(?!and\b|or\b|to\b|in\b|on\b|at\b|the\b|when\b|as\b|was\b|is\b|were\b|with\b|for\b|by\b|through\b|until\b|till\b|after\b|before\b|that\b|which\b|from\b|of\b|but\b|had\b|has\b|have\b|saw\b)[a-z]+s\b", after)
            and not re.search(r"\b(?:in|since|of|from|until|by|before|after|during|between|and|to)\s+$", before, re.I)
            and not _names_events_of_its_year(before, after)):
        return None
    return DateCand(m.start(), m.end(), "date", f"{y:04d}", granularity="year", priority=4)


# Things that happen in a year and are told apart by it: "the 2024 elections", not two thousand and twenty-four of them.
_EVENTS = frozenset(
    """elections polls midterms primaries caucuses referendums protests riots uprisings revolutions demonstrations floods
    wildfires earthquakes hurricanes droughts games olympics paralympics championships finals playoffs talks negotiations
    accords sanctions reforms invasions wars clashes hostilities budgets accounts earnings results forecasts""".split()
)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|this|that|its|their|his|her|our)|['’]s)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")


def _names_events_of_its_year(before: str, after: str) -> bool:
    """Whether a year after a determiner names the events after it ("after the 2024 elections", "Taiwan's 2022
    midterms"): a count of events has no determiner before it ("2000 protests")."""
    word = _WORD_AFTER.match(after)
    return word is not None and word.group(1) in _EVENTS and _DETERMINER_BEFORE.search(before) is not None


_UNITISH = r"percent|per\s+cent|%|km|kilomet|miles?|metres?|meters?|kg|tonnes?|tons?|people|troops|soldiers|dollars|euros|pounds|barrels|units|times|points|votes|cases|deaths|mw|gw|kw|hectares|acres|ft|feet|lbs?"


# Compiled once here: _merge runs these for every pair of neighbouring candidates.
_SET_TIME_GAP = re.compile(r"\s*(?:,|at|@)?\s*", re.I)
_DATE_TIME_GAP = re.compile(r"\s*(?:,|at|@|from|for|by|in\s+the|around|about|between|before|after|until|till)?\s*", re.I)
_TIME_DATE_GAP = re.compile(r"\s*(?:,|on|of)?\s*", re.I)
_RANGE_GAP = re.compile(r"\s*(?:[-–—~]|to|through|thru|until|till|and)\s*(?:the\s+)?", re.I)


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
                c = with_time(c, t)
                c.start = cands[i].start
        if i + 1 < len(cands):
            n = cands[i + 1]
            gap = text[c.end:n.start]
            if len(gap) > 40:
                gap = "\x00"
            if {c.kind, n.kind} == {"set", "time"} and _SET_TIME_GAP.fullmatch(gap):
                merged = c if c.kind == "set" else n
                merged.start, merged.end = c.start, n.end
                cands[i + 1] = merged
                i += 1
                continue
            time_range = n.kind == "range" and n.granularity == "time"
            pure_time = "T" not in (n.resolved or "") and "T" not in (n.resolved_end or "")
            if c.kind in ("date", "range") and c.granularity in ("day", "part of day") and (n.kind == "time" or time_range) and pure_time and _DATE_TIME_GAP.fullmatch(gap):
                if c.extras.get("pm"):
                    shift_pm(n)
                merged = with_time(c, n)
                merged.start, merged.end = c.start, n.end
                cands[i + 1] = merged
                i += 1
                continue
            if (c.kind == "time" or (c.kind == "range" and c.granularity == "time")) and "T" not in (c.resolved or "") and n.kind == "date" and _TIME_DATE_GAP.fullmatch(gap) and n.granularity == "day":
                merged = with_time(n, c)
                merged.start, merged.end = c.start, n.end
                cands[i + 1] = merged
                i += 1
                continue
            if _RANGE_GAP.fullmatch(gap) and _rangeable(c, n):
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
        dated = c.kind == "date" and c.granularity in ("year", "month") and c.resolved
        am = _after_the_period(pre, text[c.start:c.end]) if dated else None
        if am:
            if c.granularity == "year":
                c.resolved = f"{int(c.resolved[:4]) + 1:04d}"
            else:
                y, mo = int(c.resolved[:4]), int(c.resolved[5:7])
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
                c.resolved = iso_month(y, mo)
            c.kind = "range"
            c.start -= len(pre) - am.start()
        wp = _week_prefix(text, c.start) if c.kind == "date" and c.granularity == "day" and c.day is not None else None
        if wp and wp.end() == c.start:
            ws = week_start(c.day)
            c.start, c.granularity = wp.start(), "week"
            c.resolved, c.resolved_end = ws.isoformat(), (ws + relativedelta(days=6)).isoformat()
        window = text[max(0, c.start - 12):c.start]
        pm = SINCE.search(window) if c.kind in ("date", "range") and c.granularity not in ("time",) else None
        if pm:
            word = re.sub(r"\s+", " ", pm.group("w").lower())
            if word in ("since", "as of", "starting", "beginning"):
                c.start -= len(window) - pm.start()
        out.append(c)
        i += 1
    return out


def _week_prefix(text: str, start: int) -> re.Match[str] | None:
    """WEEK_PREFIX in the 30 characters before start; every match holds "week" or "w/c"."""
    lo = max(0, start - 30)
    window = text[lo:start].lower()
    if "week" not in window and "w/c" not in window:
        return None
    return WEEK_PREFIX.search(text, lo, start)


def _rangeable(a: DateCand, b: DateCand) -> bool:
    if a.kind not in ("date", "time") or b.kind not in ("date", "time"):
        return False
    if a.kind != b.kind:
        return False
    if a.kind == "time":
        return True
    if a.granularity == "quarter" or b.granularity == "quarter":
        return a.granularity == b.granularity
    return a.granularity in ("day", "month", "year") and b.granularity in ("day", "month", "year")


def _date_range(a: DateCand, b: DateCand, pub: dt.date | None) -> DateCand | None:
    r = DateCand(a.start, b.end, "range", granularity=a.granularity, relative=a.relative or b.relative, priority=9)
    if a.kind == "time":
        r.resolved, r.resolved_end, r.granularity = a.resolved, b.resolved, "time"
        return r
    if a.granularity == "quarter":
        r.resolved, r.resolved_end = a.resolved, b.resolved_end
        return r
    if a.granularity == "month" and b.granularity == "month" and "ym" in b.extras and "ym" in a.extras:
        (ya, ma), (yb, mb) = a.extras["ym"], b.extras["ym"]
        if a.relative and not b.relative:
            ya = yb if ma <= mb else yb - 1
        elif b.relative and not a.relative:
            yb = ya if mb >= ma else ya + 1
        elif a.relative and b.relative:
            if (yb * 12 + mb) < (ya * 12 + ma):
                yb = ya if mb >= ma else ya + 1
            if pub is not None and _under_way_a_year_earlier(ya * 12 + ma, yb * 12 + mb, pub):
                ya, yb = ya - 1, yb - 1
        r.resolved, r.resolved_end = iso_month(ya, ma), iso_month(yb, mb)
        return r
    if a.granularity == "year" and b.granularity == "year":
        if a.resolved and b.resolved and int(b.resolved) > int(a.resolved):
            r.resolved, r.resolved_end = a.resolved, b.resolved
            return r
        return None
    if a.day and b.day:
        da, db = a.day, b.day
        if a.relative and not b.relative:
            da = valid_date(db.year, da.month, da.day) or da
            if da > db:
                da = valid_date(db.year - 1, da.month, da.day) or da
        if da > db:
            return None
        r.resolved, r.resolved_end = da.isoformat(), db.isoformat()
        r.granularity = "day"
        return r
    if a.resolved is None and b.resolved is None:
        return r
    r.resolved, r.resolved_end = a.resolved, b.resolved
    return r


def _under_way_a_year_earlier(start: int, end: int, pub: dt.date) -> bool:
    """Whether months start to end (counted as year * 12 + month), put a year ahead by a future cue, hold the article's
    month a year earlier: "the show will run from May to September", said in June, is under way, not next year's."""
    now = pub.year * 12 + pub.month
    return start > now and start - 12 <= now <= end - 12


YEAR_RANGE = re.compile(
    r"(?<![\w$£€¥.,/#:\-–'])(?:(?P<pre>from|between|in)\s+)?(?P<a>(?:1[6-9]|20)\d\d)\s*(?P<sep>[-–~]|to|through|till|until|and)\s*(?P<b>(?:1[6-9]|20)\d\d|\d\d)(?![\w%.,]\d|\d|\s*(?:%|percent|per\s+cent))",
    re.I,
)


AFTER_WORD = re.compile(r"\b(?P<w>after|later\s+than|greater\s+than|beyond)\s+(?P<the>the\s+)?(?P<year>year\s+)?$", re.I)


# "after the March crackdown": the month something happened, not a range from the month after it.
_AFTER_THE = re.compile(r"after\s+the\s+")


_PART_OF_A_PERIOD = re.compile(r"(?:end|start|beginning|middle|turn|close)\s+of\b", re.I)


def _after_the_period(pre: str, date: str) -> re.Match[str] | None:
    """The word before a year or month that starts an open range after it ("after 2024", "after the year 2024", "after
    the end of March"); none when "the" comes between without "year", as the date then names when something happened:
    "after the 2024 collapse"."""
    m = AFTER_WORD.search(pre)
    if m is None or (m.group("the") and not m.group("year") and not _PART_OF_A_PERIOD.match(date)):
        return None
    return m


WEEK_PREFIX = re.compile(r"(?:\bthe\s+)?\bweek\s+(?:of|beginning|starting(?:\s+on)?|commencing)\s+(?:the\s+)?$|\bw/c\s+$", re.I)
