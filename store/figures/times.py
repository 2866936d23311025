"""Times of day: clock times, ranges of hours, parts of the day, and their joining to a date."""

from __future__ import annotations

import re

from .dateparts import DateCand, hour_of

TIME = re.compile(
    r"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?|\.(?P<mi2>[0-5]\d)(?=\s*(?:a\.?\s?m\b|p\.?\s?m\b)))(?:\s*+(?P<ap>[ap]\.?\s?m\b\.?|[ap](?=[\s.]|$)))?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>a\.?\s?m\.?|p\.?\s?m\.?)(?![\w])"
    r"|(?P<nw>noon|midnight|midday)"
    r"|(?P<h3>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]?\s?clock\b"
    r"|(?P<h4>\d{3,4})\s*(?P<ap4>a\.m\.|p\.m\.|am\b|pm\b))"
    r"(?:\s*+(?P<tz>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|MSK|Kyiv\s+time|Moscow\s+time|local\s+time)\b)?",
    re.I,
)


HALF_PAST = re.compile(r"\b(?P<q>half|quarter|(?:\d{1,2}|twenty|ten|five|fifteen|twenty[\s-]five)\s+min(?:ute)?s?|twenty|ten|five|fifteen|twenty[\s-]five|\d{1,2}(?=\s+past))\s+(?P<rel>past|to)\s+(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:\s+o['’]?clock)?(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?", re.I)


def half_past(m: re.Match[str]) -> DateCand | None:
    h = hour_of(m.group("h"))
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


def clock_time(m: re.Match[str], text: str) -> DateCand | None:
    g = m.groupdict()
    if g["nw"]:
        hm = "12:00" if g["nw"].casefold().replace("ı", "i") in ("noon", "midday") else "00:00"
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
        h, mi, s, ap = hour_of(g["h3"]) or 0, 0, None, ""
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


def shift_pm(t: DateCand) -> None:
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


def with_time(d: DateCand, t: DateCand) -> DateCand:
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


TIME_RANGE = re.compile(
    r"(?<![\w:.])(?:(?P<pre>from|between)\s+)?(?P<h1>[01]?\d|2[0-3])(?:[:.](?P<m1>[0-5]\d))?(?:\s*+(?P<ap1>[ap]\.?\s?m\b\.?))?"
    r"\s*+(?P<sep>-|–|—|to|until|till|and)\s*+"
    r"(?P<h2>[01]?\d|2[0-3])(?:[:.](?P<m2>[0-5]\d))?(?:\s*+(?P<ap2>[ap]\.?\s?m\b\.?|o['’]?\s?clock\b))?(?![\w:])",
    re.I,
)


def hour_range(m: re.Match[str]) -> DateCand | None:
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


AT_HOUR = re.compile(
    r"\s*+(?:,\s*+)?(?:at|@|around|about|by)\s++(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<mi>[0-5]\d))?(?:\s*+(?P<ap>[ap]\.?m\b\.?|[ap](?![\w])))?(?![\w.:,]\d|\s*+(?:%|percent|per\b|million|billion|thousand|people|points?|a\.?m|p\.?m))",
    re.I,
)


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


def part_of_day(m: re.Match[str], text: str = "") -> DateCand | None:
    part = m.group("part").lower()
    if not m.group("pre") and re.search(r"\bgood\s+$", text[max(0, m.start() - 6):m.start()], re.I):
        return None
    pre = (m.group("pre") or "").lower().strip()
    a, b = _PARTS[part]
    if pre.startswith(("early", "late", "later", "mid")):
        h1, h2 = int(a[:2]), int(b[:2])
        mid = (h1 + h2) // 2
        a, b = (a, f"{mid:02d}:00") if pre.startswith("early") else (f"{mid:02d}:00", b)
    c = DateCand(m.start(), m.end(), "time", a, b, "time", priority=4, time=a)
    c.extras["part"] = True
    return c


def hour_in_part(h_raw: str, mi_raw: str | None, part: str) -> str | None:
    h = hour_of(h_raw)
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
