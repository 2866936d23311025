"""Dates said relative to the publication date: weekdays, last month, three years ago, holidays, spans, weeks."""

from __future__ import annotations

import datetime as dt
import math
import re

from dateutil.relativedelta import relativedelta
from dateutil import relativedelta as rd

from .dateparts import (
    ABBR_DOT,
    DateCand,
    WEEKDAYS,
    MONTH_NAMES,
    ORD_WORD_DAY,
    RD_WEEKDAYS,
    count_word,
    day_number,
    iso_month,
    month_number,
    valid_date,
    week_start,
    looks_ahead,
    looks_back,
    nearest_year_month,
)
from .units import TIME_UNITS, iso_duration

# A leading (?=[...]) holds the letters a match can start with: most positions then fail one test
# instead of every alternative of the pattern.
RELATIVE_DAY = re.compile(r"(?=[tyl])\b(?P<w>today|yesterday|tomorrow|tmrw|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening|night))\b", re.I)


RELATIVE_PERIOD = re.compile(
    r"(?=[tlnpcfsebm])\b(?P<mod>this\s+past|this|last|next|past|previous|coming|following|current|same|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+next|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|last|next)|(?:the\s+)?end\s+of)\s+(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter|day)\b",
    re.I,
)


YEAR_TO_DATE = re.compile(r"\b(?:the\s+)?(?:year|month)[\s-]+to[\s-]+date\b", re.I)


DAY_OF_MONTH = re.compile(r"\bon\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?[A-Za-z]{3})|\bon\s+the\s+(?P<d2>[12]?\d|3[01])(?:st|nd|rd|th)(?=\s*(?:[.,;!?]|$))", re.I)


RECENT = re.compile(r"\b(?:in\s+)?(?:the\s+)?(?P<mod>recent|past\s+few|last\s+few|coming|next\s+few)\s+(?P<unit>days|weeks|months|years|decades)\b", re.I)


WEEKDAY = re.compile(
    r"(?<![\w])(?:(?P<mod>this\s+past|this\s+coming|this\s+upcoming|last|next|this|previous|past|coming|following|upcoming)\s+)?(?:(?P<week>next\s+week|last\s+week|this\s+week|previous\s+week)\s*-?\s*(?:on\s+)?)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|Mon|Tues?|Wed|Thur?s?|Fri|Sat)(?P<pl>s)?\b(?:(?<=Mon|Tue|Wed|Thu|Fri|Sat)\.|(?<=Tues|Thur)\.|(?<=Thurs)\.)?",
)


WEEKDAY_I = re.compile(r"(?=[tlnpcfumws])" + WEEKDAY.pattern, re.I)


AGO = re.compile(
    r"(?=[\daotfsenc])(?<![\d.])(?P<n>\d+(?:\.\d+)?|(?<![^\W\d_]{5})an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|a\s+few|a\s+couple\s+of|couple\s+of)\s+(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\s+(?P<dir>ago|earlier|before|later|from\s+now|from\s+today|after\s+today|before\s+today|after|from)\b(?:\s+(?P<anchor>today|tomorrow|tmrw|yesterday))?",
    re.I,
)


IN_FUTURE = re.compile(
    r"(?=[wi])(?<![\w])(?:with)?in\s+(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of)\s+(?P<unit>minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.I,
)


SETS = re.compile(
    r"(?=[\deodwmyaqhnfbts])\b(?:(?:every|each)\s+(?:other\s+|(?P<n>\d+|two|three|four|five|six|ten)\s+)?(?P<u>day|week|month|year|morning|evening|night|weekend|quarter|hour|minute|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?:on\s+an?\s+)?(?P<adj>daily|weekly|monthly|yearly|annual|quarterly|hourly|nightly|fortnightly|biweekly)\s+basis"
    r"|(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|fortnightly|everyday)"
    r"|(?:once|twice|(?:\d+|three|four|five)\s+times)\s+(?:a|per|an)\s+(?P<u2>day|week|month|year|hour)"
    r"|(?P<wdp>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b",
    re.I,
)


_PERIODS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def resolve_month(mon: int, pre: str, text: str, pos: int, pub: dt.date | None) -> DateCand:
    pre = pre.strip()
    c = DateCand(0, 0, granularity="month", relative=True, priority=5)
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
        if (y * 12 + mon) < (pub.year * 12 + pub.month) and looks_ahead(text, pos):
            y += 1
        elif (y * 12 + mon) - (pub.year * 12 + pub.month) > 1 and looks_back(text, pos):
            y -= 1
    c.resolved = iso_month(y, mon)
    c.extras["ym"] = (y, mon)
    return c


def relative_day(m: re.Match[str], pub: dt.date | None) -> DateCand:
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


# "in the past week", "this past week", "over the last month": the week or month up to the article, as "in the past 25
# years" is; "last week" without "the" stays the calendar week before. "The last week of the campaign" names a week of
# something else, no date ("the last week of July" is read whole by the week-of rule); "the past week of protests" is
# still the week up to the article, only "last" can name the final week of something.
_UP_TO_NOW = ("the past", "the last", "this past")
_UP_TO_NOW_UNITS = {"week": "W", "month": "M_", "year": "Y", "day": "D"}
_SPAN_PREPOSITION = re.compile(r"\b(?:in|over|during|for|within)\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)


def relative_period(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand | None:
    mod = re.sub(r"\s+", " ", m.group("mod").lower())
    unit = m.group("unit").lower()
    if mod in ("the past", "the last", "the previous", "the coming", "the next") and unit in ("decade", "century"):
        return None
    if mod == "the last" and _OF_AFTER.match(text, m.end()):
        return None
    if mod in _UP_TO_NOW and unit in _UP_TO_NOW_UNITS and _reaches_now(m, text, mod, unit):
        return _period_up_to_now(m, text, _UP_TO_NOW_UNITS[unit], pub)
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
        c.resolved = iso_month(y, a)
        c.resolved_end = iso_month(y + (1 if b < a else 0), b)
        return c
    if pub is None:
        return c
    if unit in ("week", "weekend"):
        ws = week_start(pub) + relativedelta(weeks=step)
        if unit == "weekend":
            ws = ws + relativedelta(days=5)
            c.resolved, c.resolved_end = ws.isoformat(), (ws + relativedelta(days=1)).isoformat()
        else:
            c.resolved, c.resolved_end = ws.isoformat(), (ws + relativedelta(days=6)).isoformat()
    elif unit == "month":
        d = pub + relativedelta(months=step)
        c.resolved = iso_month(d.year, d.month)
    elif unit == "year":
        c.resolved = f"{pub.year + step:04d}"
    elif unit == "quarter":
        q = (pub.month - 1) // 3 + step
        y = pub.year + q // 4
        q = q % 4
        c.resolved, c.resolved_end = iso_month(y, q * 3 + 1), iso_month(y, q * 3 + 3)
    elif unit == "decade":
        y = pub.year // 10 * 10 + 10 * step
        c.resolved, c.resolved_end = f"{y:04d}", f"{y + 9:04d}"
    elif unit == "century":
        y = pub.year // 100 * 100 + 100 * step
        c.resolved, c.resolved_end = f"{y:04d}", f"{y + 99:04d}"
    return c


def recent(m: re.Match[str], pub: dt.date | None) -> DateCand:
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
        c.resolved, c.resolved_end = iso_month(a.year, a.month), iso_month(b.year, b.month)
    elif unit in ("year", "decade"):
        c.resolved, c.resolved_end = str(a.year), str(b.year)
        c.granularity = "year"
    else:
        c.resolved, c.resolved_end = a.isoformat(), b.isoformat()
        c.granularity = "day"
    return c


def ago(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n = count_word(m.group("n"))
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
        c.resolved = iso_month(d.year, d.month)
    else:
        c.resolved = f"{d.year:04d}"
    return c


def in_future(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n = count_word(m.group("n"))
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


_NEXT_NAME_WORD = re.compile(r"[ \t]+(?P<word>[A-Z][\w'’-]*)")
_FUNCTION_WORDS = frozenset("a an and as at by for from in into is of on or the to was were will with".split())


def names_something(text: str, m: re.Match[str]) -> bool:
    """`Daily Mail`, `Weekly Standard`, `New York Daily News`: a capitalised frequency word before another capitalised
    word is part of a name, not how often something happens."""
    word = m.group("adv")
    if word is None or not word[:1].isupper() or word.isupper():
        return False
    after = _NEXT_NAME_WORD.match(text, m.end())
    return after is not None and after.group("word").lower() not in _FUNCTION_WORDS


def recurring(m: re.Match[str]) -> DateCand:
    word = (m.group("u") or m.group("u2") or m.group("adj") or m.group("adv") or m.group("wdp") or "").lower()
    n = m.group("n")
    iso = {"day": "P1D", "daily": "P1D", "everyday": "P1D", "nightly": "P1D", "night": "P1D", "morning": "P1D",
           "evening": "P1D", "week": "P1W", "weekly": "P1W", "weekend": "P1W", "month": "P1M", "monthly": "P1M",
           "year": "P1Y", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "quarter": "P3M", "quarterly": "P3M",
           "hour": "PT1H", "hourly": "PT1H", "minute": "PT1M", "fortnightly": "P2W", "biweekly": "P2W"}.get(word, "P1W")
    if n:
        k = count_word(n) or 1
        iso = re.sub(r"1", f"{k:g}", iso, count=1)
    return DateCand(m.start(), m.end(), "set", unit=iso, priority=5)


def weekday_date(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand:
    wd = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    mod = re.sub(r"\s+", " ", (m.group("mod") or "").lower())
    week = re.sub(r"\s+", " ", (m.group("week") or "").lower())
    c = DateCand(m.start(), m.end(), granularity="day", relative=True, priority=6)
    if pub is None:
        return c
    ws = week_start(pub)
    if week:
        step = {"next week": 1, "last week": -1, "previous week": -1, "this week": 0}[week]
        d = ws + relativedelta(weeks=step, days=wd)
    elif mod in ("next",):
        d = ws + relativedelta(weeks=1, days=wd)
    elif mod == "last":
        d = _last_weekday(pub, wd)
    elif mod == "previous":
        d = ws + relativedelta(weeks=-1, days=wd)
    elif mod == "this":
        d = ws + relativedelta(days=wd)
    elif mod in ("coming", "this coming", "upcoming", "this upcoming", "following"):
        d = pub + relativedelta(days=1, weekday=RD_WEEKDAYS[wd](+1))
        if mod == "following":
            d = ws + relativedelta(weeks=1, days=wd)
    elif mod in ("past", "this past"):
        d = pub + relativedelta(days=-1, weekday=RD_WEEKDAYS[wd](-1))
    elif looks_ahead(text, m.start()):
        d = pub + relativedelta(weekday=RD_WEEKDAYS[wd](+1))
    else:
        d = pub + relativedelta(weekday=RD_WEEKDAYS[wd](-1))
    c.day = d
    c.resolved = d.isoformat()
    return c


def _last_weekday(pub: dt.date, wd: int) -> dt.date:
    """The day "last Tuesday" names in an article published on pub: the latest Tuesday before it, unless that was the
    day before, or the article's own weekday, when it is the one a week earlier.

    In news English "last Tuesday" is the most recent Tuesday (said on a Thursday, two days before), not the Tuesday
    of the calendar week before. On a Tuesday, the most recent one before the article is a week ago. On a Wednesday
    usage is split; the day before is what "yesterday" or "on Tuesday" would name, so "last Tuesday" is taken to reach
    back past it, to the Tuesday a week earlier.
    """
    return pub + relativedelta(days=-2, weekday=RD_WEEKDAYS[wd](-1))


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


def holiday(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand | None:
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
    r"(?=[iodftnplcuw])(?<![\w])(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?P<mod>next|past|last|previous|coming|following|upcoming|within(?:\s+the)?(?:\s+next)?)\s+"
    r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|few|several|couple(?:\s+of)?)\s+"
    r"(?P<unit>days|weeks|months|years|decades|hours|minutes|centuries|quarters|day|week|month|year|hour)\b",
    re.I,
)


# "expected to last two days": the verb, a length of time, not the last two days before the article.
_LAST_AS_VERB = re.compile(r"(?:\b(?:to|will|would|could|can|may|might|should|must|shall|did|does|do|not)|n't)\s+$", re.I)


def span_period(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n = count_word(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower()
    if unit.startswith("quarter"):
        return _quarters(m, n, pub)
    letter = TIME_UNITS[unit]
    approx = "approx" if re.search(r"few|several|couple", m.group("n"), re.I) else None
    if (m.start() == m.start("mod") and m.group("mod").lower() == "last"
            and _LAST_AS_VERB.search(m.string, max(0, m.start() - 12), m.start())):
        return DateCand(m.start("n"), m.end(), "duration", value=n, unit=iso_duration(n, letter), approx=approx, priority=6)
    c = DateCand(m.start(), m.end(), "duration", value=n, unit=iso_duration(n, letter), approx=approx, relative=True, priority=6)
    mod = m.group("mod").lower()
    ahead = not any(k in mod for k in ("past", "last", "previous"))
    if pub is None or unit.startswith("minute"):
        return c
    if ahead and looks_back(m.string, m.start(), m.end()):
        # "The army withdrew within 48 hours", "in the following two weeks troops withdrew": counted from the
        # event told, which the article's date is not.
        c.relative = False
        return c
    if unit.startswith("hour"):
        _resolve_hours(c, n, ahead, pub)
        return c
    k = int(n)
    delta = {"D": relativedelta(days=k), "W": relativedelta(weeks=k), "M_": relativedelta(months=k), "Y": relativedelta(years=k),
             "DEC": relativedelta(years=10 * k), "CEN": relativedelta(years=100 * k)}[letter]
    try:
        if ahead:
            a = pub if "within" in mod else pub + relativedelta(days=1)
            b = a + delta
        else:
            a, b = pub - delta, pub
    except (ValueError, OverflowError):
        # "within 1999 centuries": a span beyond the calendar is still a duration, just not a date range.
        return c
    _resolve_span(c, a, b, letter)
    return c


def _resolve_hours(c: DateCand, n: float, ahead: bool, pub: dt.date) -> None:
    """"In the past 24 hours": the days the hours reach from the article's day, which has no time of day to count from."""
    days = relativedelta(days=math.ceil(n / 24))
    a, b = (pub, pub + days) if ahead else (pub - days, pub)
    _resolve_span(c, a, b, "D")


def _resolve_span(c: DateCand, a: dt.date, b: dt.date, letter: str) -> None:
    """Dates a to b, to the precision of the span's unit: days for days and weeks, months, else years."""
    if letter in ("D", "W"):
        c.resolved, c.resolved_end, c.granularity = a.isoformat(), b.isoformat(), "day"
    elif letter == "M_":
        c.resolved, c.resolved_end, c.granularity = iso_month(a.year, a.month), iso_month(b.year, b.month), "month"
    else:
        c.resolved, c.resolved_end, c.granularity = f"{a.year:04d}", f"{b.year:04d}", "year"


def _reaches_now(m: re.Match[str], text: str, mod: str, unit: str) -> bool:
    """"The last day" is a final day ("on the last day") unless a span leads to it: "in the last day"."""
    return unit != "day" or mod != "the last" or _SPAN_PREPOSITION.search(text, max(0, m.start() - 8), m.start()) is not None


def _period_up_to_now(m: re.Match[str], text: str, letter: str, pub: dt.date | None) -> DateCand:
    """"in the past week": one week up to the publication date, read as "in the past 1 week" would be."""
    lead = _SPAN_PREPOSITION.search(text, max(0, m.start() - 8), m.start())
    start = lead.start() if lead else m.start()
    c = DateCand(start, m.end(), "duration", value=1.0, unit=iso_duration(1, letter), relative=True, priority=6)
    if pub is not None:
        back = {"D": relativedelta(days=1), "W": relativedelta(weeks=1), "M_": relativedelta(months=1), "Y": relativedelta(years=1)}[letter]
        _resolve_span(c, pub - back, pub, letter)
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
    c.resolved, c.resolved_end = iso_month(a.year, a.month), iso_month(b.year, b.month)
    return c


WEEK_TAIL = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(next|following|coming|last|previous|this)\s+week\b", re.I)


VAGUE_DURATION = re.compile(
    r"(?=[fiwoantlsjhc])(?<![\w])(?:(?P<pre>for|in|within|over|about|nearly|almost|than|after|lasted|lasts|last|took|takes|take|spent|spend|around|just|only|half)\s+)?"
    r"(?P<q>an?|a\s+few|few|several|some|a\s+couple\s+of|couple\s+of|all|another|one\s+and\s+a\s+half|one\s+and\s+half)\s+"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|nights?)\b(?P<half>\s+and\s+(?:a\s+)?half)?",
    re.I,
)


# "for a second round of talks", "for a second-round vote": the ordinal before a noun, not one second ("for a second,
# nothing", "a second later", "a second of silence", "for a second-long burst").
_ORDINAL_SECOND_AFTER = re.compile(
    r"-(?!long\b)[a-z]|\s+(?!(?:later|earlier|ago|or|and|longer|before|after|to|in|into|of|too|more|less|at|for|then|until|till"
    r"|while|when|as|is|was|the|now|he|she|it|they|we|i|you)\b)[a-z]")


def vague_duration(m: re.Match[str]) -> DateCand | None:
    q = re.sub(r"\s+", " ", m.group("q").lower())
    unit = m.group("unit").lower()
    if unit == "second" and _ORDINAL_SECOND_AFTER.match(m.string, m.end()):
        return None
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


SPAN_PERIOD_AFTER = re.compile(
    r"(?=[\dotfsen])(?<![\w])(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<mod>next|past|last|previous|coming|following|upcoming)\s+"
    r"(?P<unit>days|weeks|months|years|quarters)\b",
    re.I,
)


WEEK_OF = re.compile(
    r"(?<![\w])(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+of\s+(?:(?:the\s+)?(?:month\s+of\s+)?(?P<mon>" + MONTH_NAMES + r")\b" + ABBR_DOT + r"(?:\s*,?\s*(?P<y1>(?:1[6-9]|20)\d\d))?|(?P<y2>(?:1[6-9]|20)\d\d)|(?P<rel>this|next|last)\s+(?P<unit>month|year))",
    re.I,
)


ISO_WEEK = re.compile(r"(?<![\w])(?<!this\s)(?<!next\s)(?<!last\s)(?<!past\s)(?:the\s+)?(?:week|wk)\s*(?P<n>[1-9]|[1-4]\d|5[0-3])(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?(?![\w.,:]\d|\d|\s*[ap]\.?m\b|\w)", re.I)


WEEKDAY_DAY = re.compile(
    r"(?=[mtwfs])(?<![\w])(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\b\.?,?\s+"
    r"(?:(?:the\s+)?(?P<d>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th))|the\s+(?P<dw>" + ORD_WORD_DAY + r"))(?![\w])(?!\s*(?:of\s+)?" + MONTH_NAMES + r"\b)",
    re.I,
)


def week_of(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    n_raw = m.group("n").lower()
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}.get(n_raw, -1)
    c = DateCand(m.start(), m.end(), "date", granularity="week", priority=8)
    if m.group("mon"):
        mon = month_number(m.group("mon"))
        if m.group("y1"):
            y = int(m.group("y1"))
        elif pub is not None:
            y = nearest_year_month(mon, pub)
            c.relative = True
        else:
            c.relative = True
            return c
        if n > 0:
            start = week_start(dt.date(y, mon, 4)) + relativedelta(weeks=n - 1)
        else:
            last = dt.date(y, mon, 1) + relativedelta(months=1, days=-1)
            start = week_start(last - relativedelta(days=3))
    else:
        if m.group("y2"):
            y = int(m.group("y2"))
        elif pub is not None:
            c.relative = True
            if m.group("unit").lower() == "month":
                step = {"this": 0, "next": 1, "last": -1}[m.group("rel").lower()]
                d = pub + relativedelta(months=step)
                if n > 0:
                    start = week_start(dt.date(d.year, d.month, 4)) + relativedelta(weeks=n - 1)
                else:
                    last = dt.date(d.year, d.month, 1) + relativedelta(months=1, days=-1)
                    start = week_start(last - relativedelta(days=3))
                c.day, c.resolved, c.resolved_end = start, start.isoformat(), (start + relativedelta(days=6)).isoformat()
                return c
            y = pub.year + {"this": 0, "next": 1, "last": -1}[m.group("rel").lower()]
        else:
            c.relative = True
            return c
        if n > 0:
            start = dt.date.fromisocalendar(y, n, 1)
        else:
            start = week_start(dt.date(y, 12, 28))
    c.day, c.resolved, c.resolved_end = start, start.isoformat(), (start + relativedelta(days=6)).isoformat()
    return c


def iso_week(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
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


def weekday_day(m: re.Match[str], pub: dt.date | None) -> DateCand | None:
    wd = WEEKDAYS.get(m.group("wd").lower().rstrip("."), 6 if m.group("wd").lower().startswith("sun") else None)
    day = day_number(m.group("d") or m.group("dw"))
    if wd is None or not day or day > 31:
        return None
    c = DateCand(m.start(), m.end(), "date", granularity="day", relative=True, priority=8)
    if pub is None:
        return c
    best: dt.date | None = None
    for k in range(-12, 13):
        base = pub + relativedelta(months=k)
        d = valid_date(base.year, base.month, day)
        if d and d.weekday() == wd and (best is None or abs((d - pub).days) < abs((best - pub).days)):
            best = d
    if best is None:
        return None
    c.day, c.resolved = best, best.isoformat()
    return c


# "у вівторок", "минулого вівторка", "в следующий понедельник": a Ukrainian or Russian weekday after a preposition or a
# word for last, next or this; bare, "середа" is also "among" (серед) and "среда" "environment".
_CYRILLIC_WEEKDAY_STEMS = {
    "понеділ": 0, "понедельн": 0, "вівтор": 1, "вторн": 1, "серед": 2, "сред": 2, "четвер": 3, "п'ятниц": 4,
    "пʼятниц": 4, "п’ятниц": 4, "пятниц": 4, "субот": 5, "суббот": 5, "неділ": 6, "воскресен": 6,
}
CYRILLIC_WEEKDAY = re.compile(
    r"(?<!\w)(?:(?P<mod>наступн\w*|минул\w*|цього|цієї|цю|цей|следующ\w*|прошл\w*|эт(?:от|у|ой))|у|в|во)\s+"
    r"(?P<wd>понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед[уиі]|четвер(?:га)?|п['ʼ’]ятниц[юіь]|субот[уиі]|неділ[юіь]"
    r"|понедельник(?:а)?|вторник(?:а)?|сред[уы]|четверг(?:а)?|пятниц[уы]|суббот[уы]|воскресень[ея])(?!\w)",
    re.IGNORECASE,
)
_CYRILLIC_FUTURE = re.compile(
    r"(?<!\w)(?:буде|будуть|будемо|відбудеться|відбудуться|планує|планують|запланован\w*|має|мають|збирається|"
    r"будет|будут|состоится|состоятся|планирует|планируют|запланирован\w*|собирается)(?!\w)",
    re.IGNORECASE,
)


def cyrillic_weekday(m: re.Match[str], text: str, pub: dt.date | None) -> DateCand:
    """The day a Ukrainian or Russian weekday names, as the English ones resolve: "минулого" is last, "наступного"
    next, "цього" this week's; without one, ahead when the sentence speaks of the future, else the latest."""
    wd = next(n for stem, n in _CYRILLIC_WEEKDAY_STEMS.items() if m.group("wd").lower().startswith(stem))
    c = DateCand(m.start(), m.end(), granularity="day", relative=True, priority=6)
    if pub is None:
        return c
    mod = (m.group("mod") or "").lower()
    if mod.startswith(("наступн", "следующ")):
        d = week_start(pub) + relativedelta(weeks=1, days=wd)
    elif mod.startswith(("минул", "прошл")):
        d = _last_weekday(pub, wd)
    elif mod:
        d = week_start(pub) + relativedelta(days=wd)
    elif _CYRILLIC_FUTURE.search(text):
        d = pub + relativedelta(weekday=RD_WEEKDAYS[wd](+1))
    else:
        d = pub + relativedelta(weekday=RD_WEEKDAYS[wd](-1))
    c.day, c.resolved = d, d.isoformat()
    return c
