"""Find the figures in a text: numbers with what they count or measure, money, percentages, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .dateparts import IRREGULAR_PAST, Coverage, DateCand, matches_at, words_of
from .dates import find_dates
from .model import Figure
from .numbers import (
    ABBREVIATION_POINT, AFTER_A, CYRILLIC_ABBREVIATIONS, CYRILLIC_SCALED, CYRILLIC_SCALES, DENOMINATORS, DIGITS,
    DOZEN_AFTER, MIXED_FRACTION, MULTIPLIER, ORDINALS, SCALES, SIMPLE_FRACTION, START_PREFIXES, START_WORDS,
    SUFFIX_MULTIPLIERS, VULGAR, WORD_START, parse_digits, scan_words,
)
from .units import (
    CURRENCY_CODE_AFTER, CURRENCY_NAME_AFTER, CURRENCY_NAMES, CURRENCY_SYMBOLS, CYRILLIC_CURRENCY_AFTER,
    CYRILLIC_CURRENCY_NAMES, CYRILLIC_TIME_UNIT_AFTER, CYRILLIC_TIME_UNITS, INCH_AFTER, PERCENT_AFTER, TIME_UNIT_AFTER, TIME_UNITS, UNIT_AFTER, UNITS,
    currency_before, iso_duration,
)


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    value: float
    words: bool = False
    ordinal: bool = False
    plain_int: bool = False
    mult: float = 1.0


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    approx: str | None = None
    resolved: str | None = None
    resolved_end: str | None = None
    granularity: str | None = None
    relative: bool = False
    priority: int = 1


PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)(?:\(?\d{1,4}\)?[\s.-]?){2,4}\d{2,4}(?![\w])"
    r"|(?<![\w-])\(?\d{3}\)?[\s.-]\d{3}-\d{4}(?![\w-])"
    r"|(?<![\w-])\d{3,4}-\d{4}-\d{2,4}(?![\w-])"
)
CODE_LIKE = re.compile(r"(?<![\w.-])(?!\d+(?:\.\d+)?[x×]10)(?!\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.]))(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z]*\d+[A-Za-z]+\d[A-Za-z0-9]*(?![\w])|\b\d{4,}-\d{4,}(?:-\d+)+\b")
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_AND_FRACTION = re.compile(r"\s+and\s+(a|an|one|two|three)\s+(half|quarter|quarters|third|thirds|fifths?)\b", re.I)
_MINUS_WORD = re.compile(r"\b(?:minus|negative)\s+", re.I)
IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.]|\.\d)")
RATIO = re.compile(r"\s+(out\s+of|in)\s+", re.I)
_SYMBOL_AFTER = re.compile(r"\s?([€£¥元₹₽₴₩₺₪₦₱₫₿₡₾₭₸]|\$(?!\s?\d))(?![\w])")
_INCHES = re.compile(r"\s*(?:and\s+)?(\d{1,2}(?:\.\d+)?)\s*(?:in\b|inch(?:es)?\b|\"|″)")
# The abbreviations "c-" (circa) and "p-" (page) are lower case: "C-130" and "P-8" are models.
MODEL_CODE = re.compile(
    r"(?<![\w-])(?![QH]-[1-4](?![\w-]))(?!(?:mid|pre|post|over|under|late|early|top|non|anti|ex|sub|FY|CY|W|No|Nos|nr|(?-i:p|pp)|vs|(?-i:ca|c)|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)-)[A-Za-z]{1,6}-\d[A-Za-z0-9]*(?![\w-])",
    re.I,
)
# "A350-1000", "E195-E2", "A330-200s": a letter-digit model and its variant after a dash ("Q3-2025" and "H1-2024" are dates).
VARIANT_CODE = re.compile(
    r"(?<![\w-])(?!(?:[QH]|FY|CY)\d)[A-Z][A-Za-z]{0,2}\d{2,}[A-Za-z]*(?:-[A-Za-z]{0,2}\d[A-Za-z0-9]*)+(?![\w-])")
# "FY2024", "FY 2024/25", and "Q-3" or "H-1" with no year after it (the date rules read "Q-3 2025"): a period's name.
PERIOD_LABEL = re.compile(
    r"(?<![\w-])(?:FY[\s-]?(?:\d{4}|\d\d)(?:[/-]\d{2,4})?|[QH]-[1-4](?![\s/-]*(?:of\s+)?(?:19|20)\d\d))(?![\w/-])")
# "third-quarter earnings", "in the first half": a part of a year named without the year, a period and not a third of
# anything; with its year ("the third quarter of 2024", "fourth-quarter 2024", "of last year", "next year's") it is a date.
YEARLESS_PERIOD = re.compile(
    r"(?<![\w-])(?<!year's\s)(?<!year’s\s)"
    r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|(?:first|second|1st|2nd)[\s-]+half)"
    r"(?![\w-])(?![\s/-]*(?:of\s+)?(?:19|20)\d\d)(?!\s+of\s+(?:the|this|last|next)\s+year\b)", re.I)
_PERIOD_PARTS = frozenset(("quarter", "half"))
ORDINAL_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*|\d+)(st|nd|rd|th)\b", re.I)
ORDINAL_WORD = re.compile(
    r"(?<![\w-])(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-])?(?:%s)\b"
    % "|".join(sorted(ORDINALS, key=len, reverse=True)),
    re.I,
)
APPROX_BEFORE = re.compile(
    r"(?:(?P<approx>nearly|almost|about|around|roughly|approximately|approx\.?|an\s+estimated|estimated|circa|close\s+to|some|~|an\s+approximate|approaching|just\s+under|just\s+over|more\s+or\s+less|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as)"
    r"|(?P<more>more\s+than|over|in\s+excess\s+of|upwards\s+of|above|exceeding|exceed|surpass|greater\s+than|larger\s+than|higher\s+than|bigger\s+than|>)"
    r"|(?P<least>(?:more|greater|larger|bigger|higher)\s+or\s+equal\s+(?:than|to)|at\s+least\s+or\s+equal\s+to|at\s+least|no\s+(?:less|fewer)\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum\s+of|>=|≥|equal\s+to\s+or\s+more\s+than|equal\s+to\s+or\s+greater\s+than|greater\s+than\s+or\s+equal\s+to|more\s+than\s+or\s+equal\s+to)"
    r"|(?P<most>(?:less|smaller|lower|fewer)\s+or\s+equal\s+(?:than|to)|up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|maximum\s+of|as\s+few\s+as|<=|≤|less\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+less\s+than|smaller\s+than\s+or\s+equal\s+to|fewer\s+than\s+or\s+equal\s+to)"
    r"|(?P<less>less\s+than|fewer\s+than|under|below|lower\s+than|smaller\s+than|shy\s+of|<))\s*$",
    re.I,
)
# The same qualifiers in Ukrainian and Russian ("понад 300", "близько 200", "более 300"), tried only in a text that is not ASCII.
CYRILLIC_APPROX_BEFORE = re.compile(
    r"(?:(?P<approx>близько|приблизно|майже|орієнтовно|около|почти|примерно|порядка)"
    r"|(?P<more>понад|більше(?:\s+ніж)?|більш\s+ніж|свыше|более(?:\s+чем)?|больше(?:\s+чем)?)"
    r"|(?P<least>щонайменше|принаймні|не\s+менше(?:\s+ніж)?|не\s+менш\s+ніж|не\s+менее(?:\s+чем)?|как\s+минимум|минимум)"
    r"|(?P<most>не\s+більше(?:\s+ніж)?|не\s+більш\s+ніж|не\s+более(?:\s+чем)?|максимум|до)"
    r"|(?P<less>менше(?:\s+ніж)?|менш\s+ніж|менее(?:\s+чем)?|меньше(?:\s+чем)?))\s*$",
    re.I,
)
# How a match of APPROX_BEFORE can end, in lower case with single spaces (the last two words at most).
_APPROX_ENDS = (
    "nearly", "almost", "about", "around", "roughly", "approximately", "approx", "approx.", "estimated", "circa", "some",
    "approximate", "approaching", "under", "over", "above", "exceeding", "exceed", "surpass", "below",
    "~", ">", "<", ">=", "<=", "close to", "up to", "equal to", "at least", "at most", "or less",
    "many as", "much as", "high as", "few as", "excess of", "upwards of", "minimum of", "maximum of", "shy of",
    "more than", "greater than", "larger than", "higher than", "bigger than", "less than", "fewer than", "lower than",
    "smaller than", "equal than",
)
APPROX_AFTER = re.compile(r"\s*+(?:(?P<least>or\s+more|or\s+greater|or\s+above|and\s+(?:more|above|up)|\+|-plus|(?<=\s)plus\b)|(?P<most>or\s+(?:less|fewer|below|under)))(?![\w])", re.I)
RANGE_SEP = re.compile(r"\s*(?:-?\s*(?:to|through|thru|till|until)\b|[-–—~]|and\b|or\b)\s*", re.I)
# Letters of any script: "25 naïve recruits" counted "na", and "40 Ukrainian émigrés" only "Ukrainian".
COUNT_WORD = re.compile(r"(?:\s+|-)([^\W\d_](?:[^\W\d_]|['’])*(?:-[^\W\d_]+)*)")
AGE = re.compile(r"[\s-]+(?:old\b|of\s+age\b)|[\s-]+year[\s-]old\b|-year-old\b", re.I)

_STOP = frozenset(
    """the a an of in on at to for from by with and or but nor as than that which who whom whose this these those is are was
    were be been being has have had will would can could may might must should shall do does did it its their his her our
    your my we they he she i you me him them us per each every more less into over under after before since during about
    between among across against while when where if not no so such also only just still already even up down out off again
    both all some any most many much few other another said says say according including like within without through toward
    towards amid despite via versus vs then there here now ago later earlier yet too very what how why whether though although
    because whereas unless until till upon onto beyond behind beside besides near next last first second third one two three
    apiece respectively alone combined total overall together instead either neither s t am pm today tonight yesterday
    tomorrow ever overnight tonight meanwhile nationwide worldwide abroad""".split()
)
_PHRASAL_OVER = re.compile(
    r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|t[ao]ok|take[sn]?|taking|won|win(?:s|ning)?|pass(?:es|ed|ing)?|gave|give[sn]?|giving|"
    r"carr(?:y|ied|ies)|paid|pay(?:s|ing)?|fought|fight(?:s|ing)?|held|hold(?:s|ing)?|rolled|switch(?:ed|es)?|"
    r"sign(?:s|ed|ing)?|ha(?:s|d|ve)\s+handed|over|all|left|went|came|flew|presid(?:ed|es|ing))\s+$",
    re.I,
)
_LEAD_SKIP = frozenset("additional more other extra further fewer another".split())
_ONE_BLOCK_BEFORE = re.compile(r"\b(?:the|this|that|which|any|each|every|no|some|someone|anyone|no\s+one|only|little|last|next|same|another|such|other)\s+$", re.I)
_ONE_BLOCK_AFTER = re.compile(r"\s+(?:another|other|anothers|by\s+one|after\s+another)\b", re.I)
# Phrases where "one" counts nothing a reader would look up: "one step forward", "at one point", "I, for one", and
# "one of" picking from a group ("one of its largest attacks", "one of three"; the group's size is read on its own)
# unless it names a member of the group, which counts one of them (see _one_of_a_group).
_ONE_IDIOM_AFTER = re.compile(
    r"\s+(?:thing\b(?!s)|and\s+the\s+same\b|step\s+(?:forward|closer|further|ahead|back|backward|too\s+far)\b"
    r"|of\b)", re.I)
# "For one," opens a sentence or sits between commas ("I, for one,"): "90 prisoners in exchange for one, a pilot" counts.
_ONE_IDIOM_AROUND = re.compile(r"\b(?:at\s+one\s+(?:point|time|stage)\b(?!s)|(?:(?<![^.!?\s])(?<!\w\s)|(?<=,\s))for\s+one\s*,)", re.I)


# What the IPv4 and ordinal passes need, found without their leading lookbehinds, which make the engine try every position.
# Where DIGITS can begin: a sign, point or digit after neither a word character nor a point.
_NUMBER_START = re.compile(r"[-−.\d](?<![\w.].)")
_IPV4_GATE = re.compile(r"\d\.\d{1,3}\.\d")
_ORDINAL_SUFFIX = re.compile(r"\d(?:st|nd|rd|th)", re.I)


# Compiled once here: these run for every number, where the module-level re functions cost a cache lookup each.
_INTEGER = re.compile(r"-?\d+")
_PLAIN_INTEGER = re.compile(r"\d+")
_POSSESSIVE = re.compile(r"['’]s\b")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# "від 10 до 20", "между 10 и 20": Ukrainian and Russian ranges, read where the text is not ASCII as their English words.
_CYRILLIC_BETWEEN_BEFORE = re.compile(r"\b(?:між|поміж|между)\s+$", re.I)
_CYRILLIC_FROM_BEFORE = re.compile(r"\b(?:від|од|з|із|от|с|со)\s+$", re.I)
_CYRILLIC_RANGE_SEP = re.compile(r"\s+(до|і|й|та|и)\s+", re.I)
_CYRILLIC_RANGE_WORDS = {"до": "to", "і": "and", "й": "and", "та": "and", "и": "and"}
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_JOINED_GAP = re.compile(r"\s*,?\s*(?:and|but)?\s*", re.I)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _word_starts(text: str, words: frozenset[str] | None) -> Iterator[re.Match[str]]:
    """WORD_START.finditer(text), tried only where one of the words it starts at stands in text."""
    if words is None:
        yield from WORD_START.finditer(text)
        return
    lowered = text.lower()
    at = set(words & START_WORDS)
    at.update(w for w in START_PREFIXES if w in words)
    if not words.isdisjoint(AFTER_A):
        at.update(w for w in ("a", "an") if w in words)
    n = len(lowered)
    starts = []
    for w in at:
        i = lowered.find(w)
        while i != -1:
            j = i + len(w)
            if (i == 0 or not _is_word_char(lowered[i - 1])) and (j == n or not _is_word_char(lowered[j])):
                starts.append(i)
            i = lowered.find(w, i + 1)
    starts.sort()
    yield from matches_at(WORD_START, text, starts)


_SHARE_OF = re.compile(r"\s*(?:of\b|th\b)", re.I)


def _reads_as_fraction(text: str, num: int, den: int, end: int) -> bool:
    """A slash pair that could be a month and day ("9/11") is a fraction only with a small denominator or a share or
    measure after it ("1/16 inch", "1/12 of")."""
    if den <= 10 or not 0 < num <= 12 or den > 31:
        return True
    if _SHARE_OF.match(text, end):
        return True
    um = UNIT_AFTER.match(text, end)
    return um is not None and _unit_ok(um.group(1), text, um.end(1), um.start(1) == end)


def _before_a_taken_group(text: str, m: re.Match[str], spans: Coverage) -> re.Match[str] | None:
    """"10 787-9 Dreamliners": a number whose group after a space is taken (by a model) ends before that group."""
    cut = spans.first(m.start(), m.end())
    if cut <= m.start() + 1 or text[cut - 1] not in " \u202f\u00a0":
        return None
    short = DIGITS.match(text, m.start(), cut - 1)
    return short if short is not None and short.end() == cut - 1 else None


def _atoms(text: str, spans: Coverage, words: frozenset[str] | None, at: int) -> list[Atom]:
    """at: where the text's first digit is (its length if it has none)."""
    atoms: list[Atom] = []
    for m in IPV4.finditer(text) if _IPV4_GATE.search(text, at) else ():
        if spans.hits(m.start(), m.end()):
            continue
        pos = m.start()
        for part in m.group(0).split("."):
            atoms.append(Atom(pos, pos + len(part), float(part), plain_int=True))
            pos += len(part) + 1
        spans.add(m.start(), m.end())
    for m in SIMPLE_FRACTION.finditer(text) if "/" in text or not text.isascii() else ():
        if spans.hits(m.start(), m.end()):
            continue
        if m.group(1):
            num, den = int(m.group(1)), int(m.group(2))
            if den == 0 or abs(num) >= den or not _reads_as_fraction(text, num, den, m.end()):
                spans.add(m.start(), m.end())
                continue
            value = num / den
            if re.match(r"\d", text[m.end():m.end() + 1]):
                continue
        else:
            value = VULGAR[m.group(0)]
        atoms.append(Atom(m.start(), m.end(), value))
        spans.add(m.start(), m.end())
    for m in ORDINAL_DIGITS.finditer(text) if _ORDINAL_SUFFIX.search(text, at) else ():
        if spans.hits(m.start(), m.end()):
            continue
        n = int(m.group(1).replace(",", ""))
        suffix = m.group(2).lower()
        last = n % 100
        ok = {1: "st", 2: "nd", 3: "rd"}.get(last % 10 if last not in (11, 12, 13) else 0, "th")
        if suffix != ok:
            continue
        atoms.append(Atom(m.start(), m.end(), float(n), ordinal=True))
        spans.add(m.start(), m.end())
    for m in CYRILLIC_SCALED.finditer(text, max(0, at - 1)) if not text.isascii() else ():
        end = _scaled_end(text, m)
        if spans.hits(m.start(), end):
            continue
        factor = CYRILLIC_SCALES[m.group("scale").lower()]
        value = float(f"{m.group('n')}.{m.group('frac') or 0}") * factor
        atoms.append(Atom(m.start(), end, value, mult=factor))
        spans.add(m.start(), end)
    # A match of DIGITS has a digit at most two characters after its start ("- 5").
    for m in matches_at(DIGITS, text, [n.start() for n in _NUMBER_START.finditer(text, max(0, at - 2))]):
        if spans.hits(m.start(), m.end()):
            m = _before_a_taken_group(text, m, spans)
            if m is None:
                continue
        raw = m.group(0)
        value = parse_digits(raw)
        if value is None:
            continue
        end = m.end()
        mult = 1.0
        fm = MIXED_FRACTION.match(text, end)
        if fm and _INTEGER.fullmatch(raw.strip()):
            if fm.group(3):
                value += VULGAR[fm.group(3)] * (-1 if value < 0 else 1)
                end = fm.end()
            elif int(fm.group(2)) and int(fm.group(1)) < int(fm.group(2)):
                value += int(fm.group(1)) / int(fm.group(2)) * (-1 if value < 0 else 1)
                end = fm.end()
        mm = MULTIPLIER.match(text, end)
        if mm:
            word = next(g for g in mm.groups() if g)
            key = word.lower() if word.lower() in SCALES else word
            factor = SCALES.get(key) or SUFFIX_MULTIPLIERS.get(key) or SUFFIX_MULTIPLIERS.get(word.lower())
            if word == "G" and re.fullmatch(r"\d", raw):
                factor = None
            if factor and not (word in ("M", "B", "G", "T", "K", "k", "b") and re.match(r"[-/]\w|\.\w", text[mm.end():mm.end() + 2])):
                mult = factor
                value *= factor
                end = mm.end()
                m2 = re.match(r"\s+(million|billion|thousand|trillion)s?\b", text[end:end + 12])
                if word.lower() in ("lakh",) and m2:
                    value *= SCALES[m2.group(1).lower()]
                    end += m2.end()
        dz = DOZEN_AFTER.match(text, end)
        if dz:
            value *= 12
            end = dz.end()
        pm = _PLUS_MINUS.match(text, end)
        if pm:
            end = pm.end()
        if mult >= 1000:
            fr = _AND_FRACTION.match(text, end)
            if fr:
                num = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}[fr.group(1).lower()]
                value += num / DENOMINATORS[fr.group(2).lower()] * mult
                end = fr.end()
        start = m.start()
        neg = _MINUS_WORD.search(text, max(0, start - 10), start)
        if neg and neg.end() == start and value > 0:
            value, start = -value, neg.start()
        plain = bool(_PLAIN_INTEGER.fullmatch(raw))
        atoms.append(Atom(start, end, value, plain_int=plain, mult=mult))
        spans.add(start, end)
    # Both word passes match only whole words, which the word set shows; their scans try every position.
    for m in _word_starts(text, words) if words is None or not words.isdisjoint(START_WORDS) else ():
        if spans.hits(m.start(), m.start() + 1):
            continue
        res = scan_words(text, m.start())
        if res is None:
            continue
        end, value, ordinal = res
        raw = text[m.start():end]
        low = raw.lower()
        first = low.split()[0].split("-")[0]
        if first in ("hundreds", "thousands", "millions", "billions", "dozens", "tens", "trillions"):
            continue
        if first in ("hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"):
            continue
        if first in ("half", "quarter") and not re.search(r"\s(?:million|billion|thousand|trillion|dozen|a\s+dozen)\b", low):
            if not re.search(r"\bthan\s+$", text[max(0, m.start() - 6):m.start()], re.I):
                continue
        if low in ("one", "a", "an"):
            if _ONE_BLOCK_BEFORE.search(text[max(0, m.start() - 12):m.start()]) or _ONE_BLOCK_AFTER.match(text, end):
                continue
            if low == "one" and ((_ONE_IDIOM_AFTER.match(text, end) and _one_of_a_group(text, end) is None)
                                 or _ONE_IDIOM_AROUND.search(text, max(0, m.start() - 4), end + 7)):
                continue
            if re.match(r"[\s-]+(?:on[\s-]+one|way|off|another|sided)\b", text[end:end + 10], re.I):
                continue
        if low.endswith(" and") or low.endswith(" a"):
            continue
        if spans.hits(m.start(), end):
            cut = spans.first(m.start() + 1, end)
            if cut == -1:
                continue
            res2 = scan_words(text[:cut].rstrip(" -"), m.start())
            if res2 is None:
                continue
            end, value, ordinal = res2
        mm = MULTIPLIER.match(text, end)
        mult = 1.0
        if mm and mm.group(1):
            factor = SCALES[mm.group(1).lower()]
            value *= factor
            mult = factor
            end = mm.end()
        dz = DOZEN_AFTER.match(text, end)
        if dz and not ordinal:
            value *= 12
            end = dz.end()
        atoms.append(Atom(m.start(), end, value, words=True, ordinal=ordinal, mult=mult))
        spans.add(m.start(), end)
    for m in ORDINAL_WORD.finditer(text) if words is None or not words.isdisjoint(ORDINALS) else ():
        if spans.hits(m.start(), m.end()):
            continue
        words = re.split(r"[\s-]+", m.group(0).lower())
        value = float(sum(ORDINALS.get(w, 0) or {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}.get(w, 0) for w in words))
        word = m.group(0)
        before = text[max(0, m.start() - 12):m.start()]
        if word[0].isupper() and m.start() > 0 and not re.search(r"(?:^|[.!?\"“]\s*)$", before) and (re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) or re.search(r"[A-Z]\w*\s+$", before)):
            continue
        if words[-1] == "second" and (re.search(r"(?:\d|\ba|\bper|\bone|\bsplit|\bevery|\beach)\s*$", before, re.I) or re.match(r"s\b|\s+(?:hand|thought|thoughts)\b", text[m.end():m.end() + 9], re.I)):
            continue
        if words[-1] in DENOMINATORS and re.search(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+$", before, re.I):
            continue
        atoms.append(Atom(m.start(), m.end(), value, words=True, ordinal=True))
        spans.add(m.start(), m.end())
    atoms.sort(key=lambda a: a.start)
    return atoms


def _scaled_end(text: str, m: re.Match[str]) -> int:
    """Where a number with a Ukrainian or Russian scale word ends: past an abbreviation's point that the sentence
    goes on after ("1,2 тыс. пленных"), so that what it counts or its currency follows it."""
    if m.group("scale").lower() in CYRILLIC_ABBREVIATIONS and ABBREVIATION_POINT.match(text, m.end()):
        return m.end() + 1
    return m.end()


def _approx_from(window: str, lo: int) -> int:
    """Where in the window (which starts at lo) a match of APPROX_BEFORE ending at its end can begin.

    The match is one phrase and trailing space, so it begins in one of the phrase's last words: up to five for a
    phrase ending in "to" or "than", three for one ending in "as", "less" or "of", two for the others.
    """
    if not window.isascii():
        return lo
    last = window.rsplit(None, 1)
    if not last:
        return lo
    end = last[-1].lower()
    k = 5 if end.endswith(("to", "than")) else 3 if end.endswith(("as", "less", "of")) else 2
    parts = window.rsplit(None, k)
    if len(parts) <= k:
        return lo
    return lo + window.find(parts[1], len(parts[0]))


def _approx_before(text: str, start: int) -> tuple[str | None, int]:
    lo = max(0, start - 40)
    window = text[lo:start]
    # Searching the window tries every alternative at every position; a match has to end with one of these words.
    if window.isascii() and not " ".join(window.split()[-2:]).lower().endswith(_APPROX_ENDS):
        return None, start
    m = APPROX_BEFORE.search(text, _approx_from(window, lo), start)
    if m is None and not window.isascii():
        m = CYRILLIC_APPROX_BEFORE.search(text, lo, start)
    if not m or m.end() != start:
        return None, start
    kind = next(k for k in ("approx", "more", "least", "most", "less") if m.group(k))
    word = m.group(kind).lower()
    pre = text[max(0, m.start() - 12):m.start()].lower()
    if word == "some" and re.search(r"\b(?:for|in|of|with)\s+$", pre):
        pass
    if word in ("over", "under", "above", "below", "~", ">", "<") and re.search(r"(?:\d|%)\s*$", pre):
        return None, start
    if word == "over" and _PHRASAL_OVER.search(pre):
        return None, start
    if m.start() > 0 and text[m.start() - 1].isalnum() and word[0].isalnum():
        return None, start
    if word == "до" and not _is_up_to(text, m.start()):
        return None, start
    name = {"approx": "approx", "more": "more_than", "least": "at_least", "most": "at_most", "less": "less_than"}[kind]
    return name, m.start()


# Before "до", what makes it "to" and not "up to": a number after "від" (from) or a verb of change in the clause
# ("зросла до 300", "выросло с 10 до 20").
_CYRILLIC_FROM_A_NUMBER = re.compile(r"\b(?:від|од|з|із|от|с|со)\s+\d[^.;:!?]{0,30}$", re.I)
_CYRILLIC_CHANGE = re.compile(
    r"\b(?:зр[оі]с|вир[оі]с|выр[оа]с|підвищ|підви|повы[сш]|збільш|увелич|скорот|сократ|зменш|уменьш|зниз|сниз|впа|упа|пада"
    r"|підня|подня|подорож|подешев|подеш|змін|измен)\w*", re.I)


def _is_up_to(text: str, at: int) -> bool:
    """Whether "до" at `at` is "up to" ("до 300 дронів"), not the end of a range or of a change."""
    lo = max(0, at - 60)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, lo, at)]
    lo = ends[-1] if ends else lo
    return _CYRILLIC_FROM_A_NUMBER.search(text, lo, at) is None and _CYRILLIC_CHANGE.search(text, lo, at) is None


_GENERATION = re.compile(r"(?<![\w.])[2-6]G\b")
_MAGNITUDE = re.compile(r"\bmagnitude[\s-]+$", re.I)
_MAGNITUDE_AFTER = re.compile(r"[\s-]+magnitude\b", re.I)
# Capitalised words that lead into a number without naming anything: months, weekdays, quantifiers, prepositions.
_NOT_LABELS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    "|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    "|Some|About|Around|Nearly|Over|Almost|Only|Just|All|The|Another|Of|At|In|On|By|And|Or|To|With"
    "|For|From|Since|Until|Between|Up|Than|Perhaps|Maybe"
)
_LABEL_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:%s)\b)[A-Z][a-z]+\s+$" % _NOT_LABELS)
_LEADING_LABEL = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[\"“]))(?!(?:%s)\b)([A-Z][a-z]+)\s+$" % _NOT_LABELS)
# "In Kharkiv 12 people were killed": after a preposition that opens a sentence or clause, a capitalised word is a place.
_OPENING_PLACE = re.compile(
    r"(?:^|(?<=[.!?;,:]\s)|(?<=[\"“])|(?<=\bthat\s))(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ii]nside|[Aa]cross|[Tt]hroughout|[Aa]round|[Ff]rom)"
    r"\s+([A-Z][a-z]+)\s+$"
)
# Words that a number after them belongs to, wherever they stand: "In Article 5 members pledge".
_NAME_LEADS = frozenset(
    """article articles section sections resolution resolutions chapter paragraph clause amendment protocol title
    route highway flight boeing airbus patriot""".split()
)


def _label_before(text: str, start: int) -> bool:
    """Whether a capitalised word (a label: "Chapter 5") ends right before start; the search needs a lower-case letter and space there.

    A sentence's first word is a label only when it is not a word any sentence could start with ("Section 230", not "These 5").
    """
    lo = max(0, start - 30)
    if start == lo or not text[start - 1].isspace():
        return False
    head = text[lo:start].rstrip()
    if not head or not "a" <= head[-1] <= "z":
        return False
    if _LABEL_BEFORE.search(text, lo, start) is not None:
        return not _names_a_place(text, lo, start)
    lead = _LEADING_LABEL.search(text, lo, start)
    return lead is not None and _can_name(lead.group(1).lower())


def _names_a_place(text: str, lo: int, start: int) -> bool:
    opening = _OPENING_PLACE.search(text, lo, start)
    return opening is not None and opening.group(1).lower() not in _NAME_LEADS


def _can_name(low: str) -> bool:
    return low not in _STOP and low not in _APPROX_ENDS and not low.endswith("ly")


_IRREGULAR_PLURALS = frozenset("people children men women police personnel staff troops cattle feet teeth mice geese crew".split())
_NOT_PLURAL = ("ss", "us", "is", "ics", "news", "series", "species")


def _is_plural_head(low: str) -> bool:
    if low in _IRREGULAR_PLURALS:
        return low not in ("personnel", "staff", "crew")
    return low.endswith("s") and not low.endswith(_NOT_PLURAL) and len(low) > 3


def _is_verb_form(low: str) -> bool:
    """A past form ("took", "closed") after the first word of a counted phrase is its verb: "third round took place"."""
    return low in IRREGULAR_PAST or (low.endswith("ed") and not low.endswith("eed") and len(low) > 4)


# What follows a verb and not a noun: an article, a possessive or object pronoun, a number ("this" and "that" follow
# nouns too: "15 executive orders this week").
_OBJECT_AFTER = re.compile(r"\s+(?:\d|(?:the|a|an|his|her|its|their|our|your|my|him|them|us|it|me)\b)", re.I)


def _is_present_verb(text: str, m: re.Match[str], low: str, previous: str, single: bool = False) -> bool:
    """Whether a present form after a singular word is the phrase's verb, as an object after it shows: "the 14th
    Amendment protects citizens" (not "third-round matches resume", "second-round matches on Sunday"). Only a singular
    phrase can have one: after "15" the same words are a compound ("15 executive orders").

    single: the number is one, and nothing one counts ends in a plural, so a present form that no noun follows is the
    verb too: "One man dies after the blast", "One child remains missing".
    """
    if not _is_plural_head(low) or not m.group(1).islower() or _is_plural_head(previous.lower()):
        return False
    if _OBJECT_AFTER.match(text, m.end()):
        return True
    after = COUNT_WORD.match(text, m.end())
    if after is None:
        return single
    if after.group(1).islower() and _is_plural_head(after.group(1)):
        return True
    return single and (after.group(1).lower() in _STOP or _is_participle(after.group(1)))


def _is_participle(word: str) -> bool:
    """"missing", "closed", "hospitalised": a verb's form that describes, which follows a verb and not a noun."""
    low = word.lower()
    return word.islower() and (_is_verb_form(low) or (low.endswith("ing") and len(low) > 4))


# Verbs said of the people counted, in forms that cannot name them as "20,000 killed" or "380,000 injured" do:
# past tenses unlike their participles, and verbs that say what people did rather than what was done to them.
_ACTIVE_VERBS = frozenset(
    """became began came chose drew drove fell flew forgot gave grew knew ran rang rose sank saw spoke stole swore took
    went wore wrote broke threw died fled drowned perished arrived returned escaped resigned survived remained stayed
    voted protested marched gathered disappeared defected emigrated surrendered sat stood slept fought die dies flee
    flees""".split()
)


def _is_active_verb(text: str, m: re.Match[str]) -> bool:
    """Whether the first word after a number is what the counted did ("300 fled", "40 died"), not a word before its
    noun ("12 escaped prisoners")."""
    if m.group(1).lower() not in _ACTIVE_VERBS:
        return False
    after = COUNT_WORD.match(text, m.end())
    return after is None or not (after.group(1).islower() and _is_plural_head(after.group(1)))


# The rest of a model designation after its letters: "F-16s", "Su-34", "Covid-19", "M1A1", "Tu-22M3", "F/A-18".
_DESIGNATION_TAIL = re.compile(r"(?:/[A-Z]{1,3}(?=-\d))?-?\d[^\W_]*(?:-[^\W_]+)*")
_PLURAL_DESIGNATION = re.compile(r"\ds$")


# Aircraft makers, whose model number belongs to what is counted: "40 Boeing 737 jets", "12 Airbus A320 planes".
_MAKERS = frozenset("boeing airbus embraer bombardier cessna antonov tupolev ilyushin sukhoi".split())
_MODEL_AFTER_MAKER = re.compile(r"\s+(?:[A-Z][A-Za-z]{0,2}-?)?\d[^\W_]*(?:-[^\W_]+)*(?:\s+(?:MAX|Max)(?:\s+\d+)?)?(?![\w-])")
# A number with a variant after a dash: "737-800", "72-600", "190-E2", "777-300ER", "787-9s"; not a number whose next
# group follows a space ("1 500-2 000").
_NUMBERED_VARIANT = re.compile(r"(?<![\w.,/-])(?P<n>[1-9]\d{0,3})-(?P<v>[A-Za-z]{0,2}\d[A-Za-z0-9]*)(?![\w-])(?!\s\d)")
_VARIANT_AFTER_A_WORD = re.compile(r"\s+(?P<n>[1-9]\d{0,3})-(?P<v>[A-Za-z]{0,2}\d[A-Za-z0-9]*)(?![\w-])(?!\s\d)")
_COUNT_BEFORE = re.compile(
    r"(?:(?<![\w.,])\d{1,3}|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|several|few))\s+$",
    re.I)
_CAPITALISED_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_NAME_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+)\s+$")
_HUNDREDS = re.compile(r"[1-9]\d?00")
_YEAR_SHAPED = re.compile(r"(?:1[6-9]|20)\d\d")
_NOT_LABEL_WORDS = frozenset(_NOT_LABELS.split("|"))


def _variant_of_a_name(name: str, n: str, v: str) -> bool:
    """Whether "n-v" after `name` is a model: any variant after a maker ("Boeing 737-8"); after another capitalised name,
    one with letters or in hundreds after a number that is not round ("ATR 72-600", "Dash 8-400"), which scores ("Wales
    24-17"), seasons and ranges ("In Kharkiv 100-200 people") are not."""
    if name.lower() in _MAKERS:
        return True
    if not _can_name_a_model(name) or _YEAR_SHAPED.fullmatch(n):
        return False
    return not v.isdigit() or (_HUNDREDS.fullmatch(v) is not None and int(n) % 10 != 0)


def _can_name_a_model(name: str) -> bool:
    low = name.lower()
    return (name[0].isupper() and name not in _NOT_LABEL_WORDS and low not in _NAME_LEADS and _can_name(low)
            and not _is_plural_head(low))


def _is_a_numbered_model(text: str, m: re.Match[str]) -> bool:
    """Whether a match of _NUMBERED_VARIANT (or _VARIANT_AFTER_A_WORD) is a model designation, not a range, score or
    season: after a name, or a model number of three or four digits, not round as a range's end is ("3 100-200 seat
    planes"), that is counted ("10 787-9 Dreamliners"), in the plural ("737-800s") or before its name with a variant no
    range or score has ("The 787-9 Dreamliner")."""
    n, v, start = m.group("n"), m.group("v"), m.start("n")
    name = _NAME_BEFORE.search(text, max(0, start - 20), start)
    if name is not None and _variant_of_a_name(name.group(1), n, v):
        return True
    if len(n) < 3 or _YEAR_SHAPED.fullmatch(n) or (int(n) % 10 == 0 and v.isdigit()):
        return False
    if _COUNT_BEFORE.search(text, max(0, start - 12), start) or _PLURAL_DESIGNATION.search(v):
        return True
    return _names_its_model_after(text, m.end(), n, v)


def _names_its_model_after(text: str, end: int, n: str, v: str) -> bool:
    """"787-9 Dreamliner": a variant under a tenth of the number (no range or score) before a capitalised name."""
    after = _CAPITALISED_AFTER.match(text, end)
    return v.isdigit() and int(v) * 10 < int(n) and after is not None and after.group(1) not in _NOT_LABEL_WORDS


def _variant_after(text: str, end: int, name: str) -> re.Match[str] | None:
    """The numbered variant of a model right after its name: " 72-600" after "ATR"."""
    m = _VARIANT_AFTER_A_WORD.match(text, end)
    return m if m is not None and _variant_of_a_name(name, m.group("n"), m.group("v")) else None


def _counted(text: str, pos: int, ordinal: bool = False, single: bool = False) -> str | None:
    """What a number counts, from pos; single: the number is one, so its phrase can end at a verb in the singular."""
    words: list[str] = []
    p = pos
    first = True
    cyrillic = not text.isascii()
    model = None if ordinal else _VARIANT_AFTER_A_WORD.match(text, pos)
    if model is not None and _is_a_numbered_model(text, model):
        words.append(text[model.start("n"):model.end()])
        p = model.end()
        first = False
        if _PLURAL_DESIGNATION.search(words[0]):
            return words[0]
    while len(words) < 4:
        m = COUNT_WORD.match(text, p)
        if not m:
            break
        sep = text[p:m.start(1)]
        if "-" in sep and not (first and ordinal):
            break
        if "\n" in sep:
            break
        w = m.group(1)
        end = m.end()
        tail = _DESIGNATION_TAIL.match(text, end)
        if tail is None and w.lower() in _MAKERS:
            tail = _MODEL_AFTER_MAKER.match(text, end)
        if tail is None and w[0].isupper():
            tail = _variant_after(text, end, w)
        if tail:
            w, end = text[m.start(1):tail.end()], tail.end()
        low = w.lower()
        if first and low in _LEAD_SKIP:
            p = end
            continue
        if first and _is_active_verb(text, m):
            break
        if low in _STOP or low in ORDINALS or (low in SCALES) or low in _WEEKDAY_NAMES:
            break
        if low in TIME_UNITS and not words and not ordinal:
            break
        if low.endswith("ly") and len(low) > 4 and low not in ("family", "ally", "supply", "italy", "fly", "rally", "assembly", "belly", "july"):
            break
        if w[0].isupper() and words and words[-1][0].islower():
            break
        if words and (_is_verb_form(low) or (ordinal or single) and not tail and _is_present_verb(text, m, low, words[-1], single)):
            break
        if w[0].islower() and len(words) >= 2 and all(x[0].isupper() for x in words):
            break
        in_cyrillic = cyrillic and _is_cyrillic(w)
        if in_cyrillic and _ends_a_cyrillic_phrase(low, after_a_word=bool(words)):
            break
        words.append(w)
        p = end
        first = False
        if _POSSESSIVE.match(text[p:p + 2]):
            break
        if in_cyrillic and not _is_a_cyrillic_adjective(text, end, low):
            break
        if not ordinal and (w[0].islower() and _is_plural_head(low) or _PLURAL_DESIGNATION.search(w)):
            break
    while len(words) > 1 and (words[-1].lower().endswith("ed") or words[-1].lower().endswith("ing")) \
            and words[-1].lower() not in _ING_NOUNS:
        words.pop()
    if words and all(w.isupper() and len(w) > 1 and not _DIGIT.search(w) for w in words):
        return None
    if not ordinal and len(words) >= 2 and all(w[0].isupper() for w in words) and not _names_a_model(words):
        return None
    if not words:
        return None
    if len(words) == 1 and words[0].lower().endswith("ing") and words[0].lower() not in _ING_NOUNS:
        return None
    return " ".join(words)


# In Ukrainian and Russian a counted phrase is a noun, after any adjectives; it ends before a preposition, conjunction or
# comparative, and before a verb, which after its first word ends like a past, an infinitive or a reflexive form.
_CYRILLIC_STOP = frozenset(
    """на у в з із зі до для від по за про під над при через після перед біля між без о об і й та а але чи або що як ніж
    більше менше понад майже близько тому ще вже також не ні во со к ко от из под после около между и но или чем
    более менее свыше почти ещё уже тоже""".split()
)
_CYRILLIC_VERB_ENDS = tuple(v + e for v in "аяиуыії" for e in ("ли", "ла", "ло")) + ("ть", "ся", "сь")
_CYRILLIC_ADJECTIVE_ENDS = ("их", "іх", "ых", "ий", "ый", "ого", "ої", "ые", "ие", "ая", "яя", "ові", "кі")
# Ukrainian plural nouns that end as the plural adjectives "червоні" and "білі" do, and ones that end like a past verb.
_CYRILLIC_NOUNS_IN_NI_LI = frozenset(
    """дні тижні будні сотні пісні гривні кухні спальні вишні бійні кораблі автомобілі жителі вчителі цілі ролі
    королі моделі готелі профілі стилі хвилі краплі нулі рублі""".split()
)
_CYRILLIC_NOUNS_LIKE_VERBS = frozenset(
    """канали сигнали генерали адмірали маршали журнали фінали вокзали матеріали арсенали капітали серіали скандали
    інтервали ідеали сили могили""".split()
)
# How a Ukrainian noun in the plural after a plural adjective ends: "прапори", "канали", "міста".
_CYRILLIC_PLURAL_ENDS = ("и", "і", "ї", "а", "я")


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


def _ends_a_cyrillic_phrase(low: str, after_a_word: bool) -> bool:
    """Whether a Ukrainian or Russian word after a number ends what it counts: "300 дронів атакували Київ" counts
    "дронів". A first word is a noun though it ends like a verb: "2 генерали", "3 канали"."""
    return low in _CYRILLIC_STOP or (after_a_word and low.endswith(_CYRILLIC_VERB_ENDS)
                                     and low not in _CYRILLIC_NOUNS_LIKE_VERBS)


def _is_a_cyrillic_adjective(text: str, end: int, low: str) -> bool:
    """Whether a Ukrainian or Russian word ending at `end` describes a noun after it. A plural in -ні or -лі does so
    only before a lower-case plural noun: "2 червоні прапори", not "3 дні поспіль" or "2 полонені повернулися"."""
    if low.endswith(_CYRILLIC_ADJECTIVE_ENDS):
        return True
    return low.endswith(("ні", "лі")) and low not in _CYRILLIC_NOUNS_IN_NI_LI and _a_plural_noun_follows(text, end)


def _a_plural_noun_follows(text: str, end: int) -> bool:
    m = COUNT_WORD.match(text, end)
    if m is None or not text[end:m.start(1)].isspace():
        return False
    word = m.group(1)
    return (_is_cyrillic(word) and word.islower() and word.endswith(_CYRILLIC_PLURAL_ENDS)
            and not _ends_a_cyrillic_phrase(word, after_a_word=True))


# Nouns ending in -ing, which can end what a number counts ("One border crossing"); other -ing words there are verbs.
_ING_NOUNS = frozenset(
    "building buildings meeting meetings wedding weddings bombing bombings shooting shootings killing killings offering "
    "offerings sibling siblings earnings savings holdings findings crossing crossings landing landings hearing hearings "
    "briefing briefings sitting sittings filing filings ruling rulings warning warnings".split())
# "won 112-104 Sunday": a weekday after a number is when, not what it counts.
_WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _names_a_model(words: list[str]) -> bool:
    """Whether a capitalised phrase holds a model designation ("Boeing 787 Dreamliners"): things, not a name to skip."""
    return any(_DIGIT.search(w) for w in words)


# "One of the soldiers died": a member of a group named by a determiner and a plural noun.
_OF_A_GROUP = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|your|my|these|those)\b", re.I)
_RANKING_WORDS = frozenset("most least best worst top main".split())
# The verb after the group, past an aside between commas: "one of the hostages, a woman, was freed".
_VERB_AFTER_GROUP = re.compile(r"(?:\s*,[^,.;:]{1,60},)?\s+([a-z]+)\b")
_PAST_AUXILIARIES = frozenset("was were had".split())


def _one_of_a_group(text: str, end: int) -> str | None:
    """What "one of the soldiers" counts: the group, a plural noun, when what happened to that one follows ("One of the
    soldiers died", "was freed"). Without it, "one of" ranks or describes ("one of its largest attacks", "One of the
    central paradoxes of its policy is this") and counts nothing; so does a group a superlative ranks."""
    m = _OF_A_GROUP.match(text, end)
    counted = _counted(text, m.end()) if m else None
    if counted is None:
        return None
    words = counted.split()
    if not _is_plural_head(words[-1].lower()) or any(w.lower() in _RANKING_WORDS or w.endswith("est") for w in words):
        return None
    last = re.compile(r"\b%s\b" % re.escape(words[-1])).search(text, m.end())
    verb = _VERB_AFTER_GROUP.match(text, last.end()) if last else None
    if verb is None or not _tells_what_happened(verb.group(1)):
        return None
    return counted


def _tells_what_happened(word: str) -> bool:
    return word in _PAST_AUXILIARIES or word in _ACTIVE_VERBS or _is_verb_form(word)


_M_BEFORE_WORD = re.compile(r"m(?=\s+[^\W\d_])(?!\s+(?:thick|long|wide|tall|deep|high|across|away|apart|below|above)\b)", re.I)


# Races and things measured by their height or length: "the 100m hurdles", "20m waves" are metres though plural.
_METRE_NOUNS = frozenset(
    """hurdles relays sprints dashes heats finals races medleys freestyle backstroke breaststroke butterfly sprinters
    hurdlers waves swells cliffs dunes towers walls drops dives jumps""".split()
)


def _millions_of(text: str, a: Atom) -> str | None:
    """What "6m refugees" counts: an "m" glued to a number is millions, not metres, before a plural noun."""
    if a.words or a.mult != 1.0 or not _M_BEFORE_WORD.match(text, a.end):
        return None
    rate = _PER_DAY_OIL.match(text, a.end + 1)
    if rate:
        return rate.group(1)
    counted = _counted(text, a.end + 1)
    words = counted.split() if counted else []
    heads = [i for i, w in enumerate(words) if _is_plural_head(w.lower())]
    if not heads or _measured_in_metres(words[:heads[0] + 1]):
        return None
    return " ".join(words[:heads[0] + 1])


# "2.4m b/d": barrels of oil a day, counted in millions.
_PER_DAY_OIL = re.compile(r"\s+(b/d|bpd|bbl/d|boe/d|boepd)(?![\w/])", re.I)


def _measured_in_metres(words: list[str]) -> bool:
    return any(w.lower() in _METRE_NOUNS for w in words)


# `6.8m have fled`, `up from 30m in 2023`: an "m" before no noun is millions where the sentence counts in millions.
_M_BEFORE_NO_NOUN = re.compile(
    r"m(?=\s+(?:have|has|had|were|was|are|is|in|from|to|of|more|fled|left|and|or|last|this|a|an)\b|\s*[,.;:)]|\s*$)", re.I)
_IN_MILLIONS = re.compile(r"\bmillions?\b|\bbillions?\b|\d(?:bn|m)\b(?!\s+(?:thick|long|wide|tall|deep|high)\b)", re.I)


# "win the 400m.", "ran the 10,000m,": a race, in metres, wherever else the sentence counts in millions.
_RACE_DISTANCES = frozenset((50.0, 60.0, 100.0, 110.0, 200.0, 400.0, 800.0, 1500.0, 3000.0, 5000.0, 10000.0))
_RACE_BEFORE = re.compile(r"\b(?:the|win|wins|won|winning|run|runs|ran|running)\s+$", re.I)
_RACE_AFTER = re.compile(r"m\s*(?:[,.;:)]|$)")


def _names_a_race(text: str, a: Atom) -> bool:
    return (a.value in _RACE_DISTANCES and _RACE_AFTER.match(text, a.end) is not None
            and _RACE_BEFORE.search(text, max(0, a.start - 8), a.start) is not None)


def _millions_by_its_sentence(text: str, a: Atom) -> bool:
    if a.words or a.mult != 1.0 or not _M_BEFORE_NO_NOUN.match(text, a.end) or _names_a_race(text, a):
        return False
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, a.start - 300), a.start)]
    lo = ends[-1] if ends else max(0, a.start - 300)
    after = _SENTENCE_BREAK.search(text, a.end + 1, a.end + 300)
    hi = after.start() if after else min(len(text), a.end + 300)
    return any(not (a.start <= m.start() < a.end + 1) for m in _IN_MILLIONS.finditer(text, lo, hi))


_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-Z\"“])")


def _unit_ok(unit_text: str, text: str, end: int, attached: bool) -> bool:
    low = unit_text.lower()
    if unit_text in ("G", "T", "B", "K") and attached:
        return False
    after = text[end:end + 20]
    if unit_text in ("in", "In"):
        return bool(re.match(r"\s*(?:[.,;)]|$|thick|long|wide|tall|deep|high|in\s+diameter|x\b|by\b)", after))
    if len(unit_text) == 1 and unit_text not in ('"', "″", "°", "L", "C", "F", "K"):
        if not attached:
            return unit_text in ("m", "g", "t") and bool(re.match(r"\s*(?:[.,;)]|$)", after)) and unit_text != "t"
        return not re.match(r"[-/]?\d", after)
    if unit_text in ("C", "F", "K"):
        return bool(re.match(r"(?:[\s.,;!)]|$)", after)) and not re.match(r"\s+[A-Z]", after)
    if unit_text in ("L",):
        return attached or bool(re.match(r"\s+(?:of|bottle|tank|engine)\b|[.,;)]|$", after))
    if low in ("t", "m", "b"):
        return attached
    if low in ("ton", "tons", "tonne", "tonnes") and re.match(r"\s+of\s+(?:money|cash|work|fun|people)", after):
        return False
    return True


def _suffix(text: str, a: Atom, cand: Cand) -> Cand:
    """Extend a figure built on an atom with what follows it: unit, currency, percent, time unit, noun."""
    e = a.end
    if cand.kind == "money":
        mm = None
        if a.mult == 1.0:
            mm = re.match(r"(?:\s?(m|bn|b|tn|k|mln|bln)|\s+(million|billion|trillion|thousand))(?![\w])", text[e:e + 12], re.I)
        if mm:
            w = (mm.group(1) or mm.group(2)).lower()
            factor = {"m": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12, "k": 1e3}.get(w) or SCALES[w]
            cand.value = (cand.value or 0) * factor
            e += mm.end()
        name = CURRENCY_NAME_AFTER.match(text, e)
        code = CURRENCY_CODE_AFTER.match(text, e)
        if name and CURRENCY_NAMES.get(name.group(1).lower()) not in ("cent", "penny", "dime") and cand.unit == "USD" and name.group(1).lower().startswith("dollar"):
            e = name.end()
        elif code and code.group(1) == cand.unit:
            e = code.end()
        cand.end = e
        return _per(text, cand)
    pm = PERCENT_AFTER.match(text, e)
    if pm:
        word = pm.group(1).lower()
        cand.kind = "percent"
        cand.unit = "percentage point" if "point" in word or word == "pp" else "%"
        cand.end = pm.end()
        return cand
    sym_after = _SYMBOL_AFTER.match(text, e)
    if sym_after:
        cand.kind, cand.unit, cand.end = "money", CURRENCY_SYMBOLS[sym_after.group(1)], sym_after.end()
        return cand
    code = CURRENCY_CODE_AFTER.match(text, e)
    name = CURRENCY_NAME_AFTER.match(text, e)
    if code and not re.match(r"[\w$]", text[code.end():code.end() + 1]):
        cand.kind, cand.unit, cand.end = "money", code.group(1).upper().replace("RMB", "CNY"), code.end()
        if code.group(0).strip()[0] == "M" and code.group(0).strip() != code.group(1):
            cand.value = (cand.value or 0) * 1e6
        mm = re.match(r"\s+(million|billion|trillion|thousand)\b", text[cand.end:cand.end + 12], re.I)
        if mm:
            cand.value = (cand.value or 0) * SCALES[mm.group(1).lower()]
            cand.end += mm.end()
        return _cents(text, cand)
    if name:
        word = name.group(1).lower()
        if word in ("pound", "pounds"):
            money = a.mult >= 1e6 or bool(re.match(r"\s+sterling\b", text[name.end():name.end() + 10], re.I)) or bool(re.search(r"\b(?:paid|pay|cost|costs|fined|worth|price|priced|sold|bought|spent|spend|raised|earn|earned|salary|budget)\b", text[max(0, a.start - 40):a.start], re.I))
            if money:
                cand.kind, cand.unit, cand.end = "money", "GBP", name.end()
                return cand
        else:
            code_name = CURRENCY_NAMES[word]
            if word in ("real", "won", "rand", "marks", "lira") and not (a.mult > 1 or re.search(r"\d", text[a.start:a.end])):
                pass
            elif word == "won" or word == "real":
                pass
            else:
                cand.kind, cand.unit, cand.end = "money", code_name, name.end()
                return _cents(text, cand)
    cyrillic = _cyrillic_currency(text, e)
    if cyrillic:
        cand.kind, cand.unit, cand.end = "money", CYRILLIC_CURRENCY_NAMES[cyrillic.group(1).lower()], cyrillic.end()
        return cand
    period = _cyrillic_duration(text, e, cand.value)
    if period:
        cand.kind, cand.end = "duration", period.end()
        cand.unit = iso_duration(cand.value or 0.0, CYRILLIC_TIME_UNITS[period.group(1).lower()])
        return cand
    if a.ordinal:
        cand.kind = "ordinal"
        counted = _counted(text, e, ordinal=True)
        if counted and a.words and " " not in counted and counted.lower().endswith("ed"):
            counted = None
        cand.counted = counted
        return cand
    millions = _millions_of(text, a)
    if millions:
        cand.kind, cand.counted, cand.end = "count", millions, e + 1
        cand.value = (cand.value or 0) * 1e6
        return cand
    if _millions_by_its_sentence(text, a):
        cand.kind, cand.end = "number", e + 1
        cand.value = (cand.value or 0) * 1e6
        return cand
    tm = TIME_UNIT_AFTER.match(text, e)
    if tm:
        word = tm.group(1)
        low = word.lower()
        attached = tm.start(1) == e
        single = low in ("s", "h", "mo", "min", "sec", "hr", "wk", "yr")
        if (not single or attached or low in ("min", "sec", "hr", "hrs", "yrs", "mins", "secs")) and not re.match(r"[-/]\d", text[tm.end():tm.end() + 2]):
            if low in ("s",) and (not attached or _label_before(text, a.start)):
                pass  # "Boeing 737s": the plural of a name, not seconds
            else:
                letter = TIME_UNITS[low]
                value = cand.value or 0.0
                cand.end = tm.end()
                age = AGE.match(text, cand.end)
                if age and letter in ("Y", "M_", "W", "D"):
                    cand.kind = "quantity"
                    cand.unit = {"Y": "year", "M_": "month", "W": "week", "D": "day"}[letter]
                    cand.end = age.end()
                    return cand
                cand.kind = "duration"
                cand.unit = iso_duration(value, letter)
                extra = re.match(r"\s+and\s+(?:a\s+)?(half|quarter)\b", text[cand.end:cand.end + 16], re.I)
                if extra:
                    frac = 0.5 if extra.group(1).lower() == "half" else 0.25
                    cand.value = value + frac
                    cand.unit = iso_duration(value + frac, letter)
                    cand.end += extra.end()
                return cand
    um = UNIT_AFTER.match(text, e)
    if um:
        unit_text = um.group(1)
        attached = um.start(1) == e
        if _unit_ok(unit_text, text, um.end(1), attached) and not (attached and re.match(r"\d", text[um.end():um.end() + 1])):
            key = unit_text if unit_text in UNITS else next((k for k in UNITS if k.lower() == unit_text.lower()), unit_text)
            unit = UNITS.get(key, unit_text)
            if um.group(2):
                key2 = um.group(2)
                unit2 = UNITS.get(key2) or next((UNITS[k] for k in UNITS if k.lower() == key2.lower()), None) or {"hour": "h", "hr": "h", "h": "h", "second": "s", "sec": "s", "s": "s", "minute": "min", "min": "min", "day": "d", "year": "yr", "week": "wk", "month": "mo", "ms": "ms", "millisecond": "ms"}.get(key2.lower(), key2)
                unit = {"km/h": "km/h", "mi/h": "mph"}.get(f"{unit}/{unit2}", f"{unit}/{unit2}")
            cand.kind, cand.unit, cand.end = "quantity", unit, um.end()
            matched = text[e:um.end()]
            if matched.endswith((")", "]", "}", ">")) and not re.search(r"[(\[{<]", matched):
                cand.end -= 1
            if unit == "ft":
                inch = _INCHES.match(text, cand.end)
                if inch:
                    cand.value = (cand.value or 0) + float(inch.group(1)) / 12
                    cand.end = inch.end()
            return cand
    im = INCH_AFTER.match(text, e)
    if im and not a.words and re.match(r"\s*(?:[.,;)\s]|$)", text[im.end():im.end() + 2]) and text[max(0, a.start - 1):a.start] != '"':
        cand.kind, cand.unit, cand.end = "quantity", "in", im.end()
        return cand
    counted = _counted(text, e, single=cand.value == 1)
    if counted is None and a.words and cand.value == 1:
        counted = _one_of_a_group(text, e)
    if counted and cand.value is not None and cand.value == int(cand.value) and not _label_before(text, a.start):
        cand.kind = "count"
        cand.counted = counted
    return cand


def _cyrillic_duration(text: str, end: int, value: float | None) -> re.Match[str] | None:
    """A Ukrainian or Russian time unit after a number ("5 років ув'язнення", "за 48 часов"); not "року" or "года"
    after a year ("з 2022 року" is since the year 2022)."""
    if text.isascii():
        return None
    found = CYRILLIC_TIME_UNIT_AFTER.match(text, end)
    if found is None or (CYRILLIC_TIME_UNITS[found.group(1).lower()] == "Y" and value is not None
                         and 1600 <= value <= 2100 and value == int(value)):
        return None
    return found


def _cyrillic_currency(text: str, end: int) -> re.Match[str] | None:
    """A Ukrainian or Russian currency word after a number ("200 тисяч доларів"), which only a text that is not ASCII has."""
    return None if text.isascii() else CYRILLIC_CURRENCY_AFTER.match(text, end)


def _cents(text: str, cand: Cand) -> Cand:
    m = re.match(r"\s+(?:and\s+)?(\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)\s+cents?\b", text[cand.end:cand.end + 30], re.I)
    if m and cand.unit not in ("cent",):
        raw = m.group(1)
        if raw.isdigit():
            v = float(raw)
        else:
            res = scan_words(raw, 0)
            v = res[1] if res and res[0] == len(raw) else None
        if v is not None and v < 100:
            cand.value = (cand.value or 0) + v / 100
            cand.end += m.end()
    return _per(text, cand)


def _per(text: str, cand: Cand) -> Cand:
    m = re.match(r"\s*(?:/|per\s+)(hour|hr|h|day|week|month|year|kg|kilogram|tonne|ton|barrel|share|person|head|litre|liter|gallon|unit|sq\s?m|square\s+metre|square\s+meter|mwh|kwh)\b", text[cand.end:cand.end + 24], re.I)
    if m:
        cand.unit = f"{cand.unit}/{m.group(1).lower()}"
        cand.end += m.end()
    return cand


def _atom_figure(text: str, a: Atom) -> Cand:
    cand = Cand(a.start, a.end, "number", value=a.value)
    before = text[max(0, a.start - 10):a.start]
    mag = _MAGNITUDE.search(before) or _MAGNITUDE_AFTER.match(text, a.end)
    if mag and not a.ordinal:
        cand.kind, cand.unit = "quantity", "magnitude"
        if mag.re is _MAGNITUDE:
            cand.start = a.start - (len(before) - mag.start())
        else:
            cand.end = mag.end()
        return cand
    cm = currency_before(before)
    if cm and not a.ordinal:
        sym = (cm.group(1) or cm.group(2)).lower()
        if len(sym) == 2 and sym[1] == "$" and not (cm.group(1) or cm.group(2))[0].isupper() and sym not in ("c$",):
            sym = "$"
            cm = re.search(r"\$\s?$", before)
        code = CURRENCY_SYMBOLS.get(sym) or CURRENCY_SYMBOLS.get(sym.replace(" ", "")) or sym.upper()
        if sym.upper().startswith("M") and len(sym) == 4 and sym.isalpha():
            code = sym[1:].upper()
            cand.value = a.value * 1e6
        if len(code) == 3 or code in ("cent",):
            cand.kind, cand.unit = "money", code.replace("RMB", "CNY")
            cand.start = a.start - (len(before) - cm.start())  # type: ignore[union-attr]
            paren = text[max(0, cand.start - 1):cand.start] == "(" and text[a.end:a.end + 1] == ")" and not re.search(r"\d", text[max(0, cand.start - 25):cand.start])
            if paren:
                cand.start -= 1
                cand.end = a.end + 1
                cand.value = -abs(cand.value or 0)
            cand = _suffix(text, a, cand)
            if paren:
                cand.end = max(cand.end, a.end + 1)
            return cand
    return _suffix(text, a, cand)


# `delivered over 18 months`, `spending over four years`: "over" a span of time is across it, not more than it;
# after these words (`for over 18 months`, `in over two years`) or before "ago" it is more than.
_OVER_A_SPAN = re.compile(r"\s+(?:years?|months?|weeks?|days?|decades?|hours?)\b", re.I)
_MORE_THAN_OVER = re.compile(r"\b(?:for|in|of|after|than|lasted|lasting|took|taken|spent|since|within|just|well)\s+$", re.I)


def _spans_time(text: str, cand: Cand) -> bool:
    if _AGO.match(text, cand.end):
        return False
    return cand.kind == "duration" or _OVER_A_SPAN.match(text, cand.end) is not None


_AGO = re.compile(r"\s+ago\b", re.I)


def _qualify(text: str, cand: Cand) -> None:
    approx, s = _approx_before(text, cand.start)
    if (approx == "more_than" and text[s:cand.start].strip().lower() == "over" and _spans_time(text, cand)
            and not _MORE_THAN_OVER.search(text[max(0, s - 12):s])):
        approx, s = None, cand.start
    if approx:
        cand.approx, cand.start = approx, s
        if approx != "approx":
            return
    m = APPROX_AFTER.match(text, cand.end)
    if m and cand.kind not in ("ordinal", "date"):
        cand.approx = "at_least" if m.group("least") else "at_most"
        cand.end = m.end()


def _ranges(text: str, atoms: list[Atom], cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    cyrillic = not text.isascii()
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands) and c.kind not in ("ordinal",) and cands[i + 1].kind not in ("ordinal",):
            n = cands[i + 1]
            sep_text = text[c.end:n.start]
            sm = RANGE_SEP.fullmatch(sep_text) if len(sep_text) <= 30 else None
            pre = text[max(0, c.start - 9):c.start]
            between = _BETWEEN_BEFORE.search(pre)
            frm = _FROM_BEFORE.search(pre)
            word = sep_text.strip().lower()
            if cyrillic and sm is None:
                sm, between, frm, word = _cyrillic_range_words(sep_text, pre, between, frm, word)
            ok = bool(sm)
            if ok and word in ("and",) and not between:
                ok = False
            if ok and word == "or":
                ok = False
            if ok and word.startswith("-") and " " not in sep_text and (atoms[i].words or atoms[i + 1].words):
                ok = False
            compatible = c.kind in ("number", "count") or n.kind in ("number", "count") or (c.unit == n.unit)
            if c.unit and n.unit and c.unit != n.unit:
                compatible = False
            if c.unit and not n.unit and c.kind not in ("number", "count"):
                compatible = False
            if _BY_BEFORE.search(pre) and word.endswith("to"):
                compatible = False
            from_at = c.start - (len(pre) - frm.start()) if frm else -1
            if ok and compatible and frm and word == "to" and _is_a_change(text, from_at):
                out.extend(_change(text, c, n, atoms[i], atoms[i + 1], from_at))
                i += 2
                continue
            if ok and compatible and c.kind not in ("duration",) or (ok and c.kind == "duration" and n.kind == "duration" and c.unit and n.unit and c.unit[-1] == n.unit[-1]):
                lo, hi = c.value, n.value
                if lo is not None and hi is not None:
                    # "$1.2 to $1.5 billion", "2 to 3 million": the high end's multiplier is the low end's too.
                    if (atoms[i + 1].mult > 1 and atoms[i].mult == 1 and lo < hi / atoms[i + 1].mult * 10
                            and (c.kind in ("number", "count") or c.kind == n.kind)):
                        lo = lo * atoms[i + 1].mult
                    if lo < hi or (lo <= hi and between) or (lo < 0 and hi < 0):
                        kind = n.kind if n.kind not in ("number", "count") else c.kind
                        unit = n.unit or c.unit
                        if kind == "duration":
                            unit = re.sub(r"[\d.]+", "1", n.unit or "", count=1)
                        r = Cand(c.start, n.end, "range", low=lo, high=hi, unit=unit if kind != "count" else None,
                                 counted=n.counted or c.counted, approx=c.approx or n.approx, priority=3)
                        r.granularity = kind if kind not in ("number", "count") else None
                        if between:
                            r.start -= len(pre) - between.start()
                        elif frm:
                            r.start -= len(pre) - frm.start()
                            if r.counted is None and kind in ("number", "count"):
                                r.counted = _subject_of_change(text, r.start)
                        out.append(r)
                        i += 2
                        continue
        out.append(c)
        i += 1
    return out


def _cyrillic_range_words(
    sep_text: str, pre: str, between: re.Match[str] | None, frm: re.Match[str] | None, word: str,
) -> tuple[re.Match[str] | None, re.Match[str] | None, re.Match[str] | None, str]:
    """The separator, "between", "from" and the separator's English word for a Ukrainian or Russian range: "від 10 до
    20" reads as "from 10 to 20", "між 10 і 20" as "between 10 and 20"."""
    sm = _CYRILLIC_RANGE_SEP.fullmatch(sep_text)
    if sm is None:
        return None, between, frm, word
    return (sm, between or _CYRILLIC_BETWEEN_BEFORE.search(pre), frm or _CYRILLIC_FROM_BEFORE.search(pre),
            _CYRILLIC_RANGE_WORDS[sm.group(1).lower()])


_CHANGE_VERBS = (
    r"rose|risen|rising|rises?|fell|fallen|falling|falls?|grew|grown|growing|grows?|went|gone|going|goes"
    r"|(?:increas|decreas|declin|climb|jump|dropp|surg|soar|plung|slipp|tumbl|swell|doubl|tripl|shrank|shrunk|shrink|slump|chang|mov|edg)\w*"
)
# "Casualties rose from 1,200 to 1,450": what changed stands before a verb of change.
_CHANGE_BEFORE_FROM = re.compile(
    r"(?:^|(?<=[\s(\"“]))([^\W\d_]+)\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?"
    r"(?:%s)(?:\s+(?:up|down|\w+ly))?\s+$" % _CHANGE_VERBS,
    re.I,
)
# Words before "from X to Y" that make it a change from one value to another ("rose", "cut its rate", "a rise"), or,
# nearer to it, a range after all ("ranging from").
_CHANGE_OR_SPAN = re.compile(
    r"\b(?:(?P<change>%s|drops?|cut|cuts|cutting|(?:rais|lower|reduc|hik|slash|boost|lift|widen|narrow|expand|extend"
    r"|revis|upgrad|downgrad|trimm|halv)\w*)|(?P<span>rang\w*|var(?:y|ies|ied|ying)|anywhere))\b" % _CHANGE_VERBS,
    re.I,
)
_CLAUSE_END = re.compile(r"[.;:!?]\s")


def _is_a_change(text: str, at: int) -> bool:
    """Whether the "from" at `at` starts a change from one value to another: a word of change before it in its clause."""
    lo = max(0, at - 60)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, lo, at)]
    words = list(_CHANGE_OR_SPAN.finditer(text, ends[-1] if ends else lo, at))
    if not words and not text.isascii():
        return _CYRILLIC_CHANGE.search(text, ends[-1] if ends else lo, at) is not None
    return bool(words) and words[-1].group("change") is not None


def _change(text: str, c: Cand, n: Cand, first: Atom, second: Atom, at: int) -> list[Cand]:
    """"Prices rose from 12 to 15 dollars": two values, the first read in the kind, unit and multiplier of the second,
    both counting what the second counts or, failing that, what changed."""
    if first.mult == 1 and second.mult > 1 and c.value is not None and n.value is not None and c.value < n.value / second.mult * 10:
        c.value *= second.mult
    if c.kind in ("number", "count") and n.kind in ("money", "quantity", "percent", "duration"):
        c.kind, c.unit = n.kind, n.unit if n.kind != "duration" else _duration_unit(n, c.value)
    if c.kind in ("number", "count") and n.kind in ("number", "count"):
        counted = n.counted or c.counted or _subject_of_change(text, at)
        for figure in (c, n):
            if counted and figure.value is not None and figure.value == int(figure.value):
                figure.kind, figure.counted = "count", counted
    return [c, n]


_ISO_AMOUNT = re.compile(r"(PT?)([\d.]+)([A-Z])")


def _duration_unit(like: Cand, value: float | None) -> str | None:
    """The ISO duration of `value` in the unit of the duration `like` ("P10D" with 5 is "P5D")."""
    m = _ISO_AMOUNT.fullmatch(like.unit or "")
    if m is None or value is None or not like.value:
        return None
    return f"{m.group(1)}{float(m.group(2)) * value / like.value:g}{m.group(3)}"


# Plural nouns that measure rather than count: "Prices rose from 12 to 15" is not 12 prices.
_MEASURES = frozenset(
    "prices rates costs sales revenues profits earnings exports imports yields levels temperatures scores wages "
    "salaries fares tariffs taxes premiums margins returns values readings ratings odds estimates forecasts".split())


def _subject_of_change(text: str, start: int) -> str | None:
    """The plural noun a "from X to Y" change after a verb counts ("Casualties rose from 1,200 to 1,450"), if any."""
    m = _CHANGE_BEFORE_FROM.search(text, max(0, start - 60), start)
    if m is None or not _is_plural_head(m.group(1).lower()) or m.group(1).lower() in _MEASURES:
        return None
    word = m.group(1)
    return word.lower() if word[:1].isupper() and word[1:].islower() else word


def _ratios(text: str, cands: list[Cand]) -> list[Cand]:
    """'one in five', 'two out of five hundred': a share written as a ratio. Out of a counted group of another size
    ("74 out of 117 drones") a number counts members of the group (see _members_of_groups)."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands) and c.kind == "number" and not c.approx:
            n = cands[i + 1]
            m = RATIO.fullmatch(text[c.end:n.start])
            if m and n.kind in ("number", "count") and c.value and n.value and 0 < c.value < n.value and not n.approx:
                if (m.group(1).lower() != "in" or c.value == 1) and not _out_of_a_counted_group(m, n):
                    out.append(Cand(c.start, n.end, "number", value=c.value / n.value, priority=2))
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


def _out_of_a_counted_group(m: re.Match[str], group: Cand) -> bool:
    return m.group(1).lower() != "in" and group.counted is not None and not _is_a_share_base(group.value or 0)


def _is_a_share_base(value: float) -> bool:
    """Whether "out of" a number gives a share ("3 out of 4", "8 out of 10", "two out of five hundred") rather than
    a part of a group of that size ("74 out of 117"): ten or less, or one digit before zeros from a hundred up."""
    if value != int(value):
        return False
    digits = str(int(value))
    return value <= 10 or (value >= 100 and digits[1:] == "0" * (len(digits) - 1))


_OF_THE_GROUP = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|your|my|these|those)\s+)?", re.I)
# "74 з 117 дронів", "74 из 117 дронов": the Ukrainian and Russian "of", tried only in a text that is not ASCII.
_CYRILLIC_OF_THE_GROUP = re.compile(r"\s+(?:з|із|зі|из)\s+", re.I)


def _members_of_groups(text: str, cands: list[Cand]) -> None:
    """"74 of 117 drones": a whole number before "of" and a count of a group counts what the group counts, as "one of
    the soldiers" does."""
    of_patterns = (_OF_THE_GROUP,) if text.isascii() else (_OF_THE_GROUP, _CYRILLIC_OF_THE_GROUP)
    for c, n in zip(cands, cands[1:]):
        if (_is_a_member_count(c, n) and any(p.fullmatch(text, c.end, n.start) for p in of_patterns)
                and not _label_before(text, c.start)):
            c.kind, c.counted = "count", n.counted


def _is_a_member_count(c: Cand, group: Cand) -> bool:
    return (c.kind == "number" and group.kind == "count" and group.counted is not None and c.value is not None
            and group.value is not None and c.value == int(c.value) and 0 < c.value <= group.value)


def _from_date(c: DateCand) -> Cand:
    return Cand(c.start, c.end, c.kind, value=c.value, unit=c.unit, approx=c.approx, resolved=c.resolved,
                resolved_end=c.resolved_end, granularity=c.granularity, relative=c.relative, priority=c.priority)


def _comparative_ranges(text: str, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands):
            n = cands[i + 1]
            gap = text[c.end:n.start]
            joined = len(gap) <= 30 and _JOINED_GAP.fullmatch(gap) and c.value is not None and n.value is not None
            lower, upper = ("more_than", "at_least"), ("less_than", "at_most")
            if joined and c.approx in lower and n.approx in upper and c.value < n.value:  # type: ignore[operator]
                out.append(Cand(c.start, n.end, "range", low=c.value, high=n.value, unit=n.unit or c.unit, counted=n.counted, priority=3))
                i += 2
                continue
            if joined and c.approx in upper and n.approx in lower and n.value < c.value:  # type: ignore[operator]
                out.append(Cand(c.start, n.end, "range", low=n.value, high=c.value, unit=n.unit or c.unit, counted=n.counted, priority=3))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


_ANCHOR_GAP = re.compile(r"\s+(from|after|before|since|following|prior\s+to)\s+(?:the\s+)?", re.I)
_ISO_PART = re.compile(r"P(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWD])$")


def _anchor_durations(text: str, nums: list[Cand], dates: list[Cand]) -> list[Cand]:
    """'two weeks before Christmas', '3 days after January 12th': a date counted from another."""
    by_start = {d.start: d for d in dates}
    out = list(dates)
    for c in nums:
        if c.kind != "duration" or not c.unit:
            continue
        m = _ANCHOR_GAP.match(text, c.end)
        iso = _ISO_PART.match(c.unit)
        if not m or not iso:
            continue
        anchor = by_start.get(m.end())
        if anchor is None or anchor.kind != "date" or anchor.granularity != "day" or not anchor.resolved:
            continue
        n = float(iso.group("n"))
        if n != int(n):
            continue
        k = int(n) * (-1 if m.group(1).lower() in ("before", "prior to") else 1)
        delta = {"Y": relativedelta(years=k), "M": relativedelta(months=k), "W": relativedelta(weeks=k), "D": relativedelta(days=k)}[iso.group("u")]
        day = dt.date.fromisoformat(anchor.resolved) + delta
        out.remove(anchor)
        merged = Cand(c.start, anchor.end, "date", resolved=day.isoformat(), granularity="day", relative=anchor.relative, priority=9)
        out.append(merged)
        c.end = c.start
    return out


_DASH_DIGIT = re.compile(r"-\d")
_DASH_FOUR = re.compile(r"-\d{4}")
_DIGIT_LETTER = re.compile(r"\d[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _blocked(text: str, at: int, words: frozenset[str] | None) -> Coverage:
    """Phone numbers, codes, model names and periods named without their year, which hold no figure."""
    blocked = Coverage(len(text))
    # Each pattern needs a shape most texts lack; looking for it first is much cheaper than the pattern's own scan.
    dash = _DASH_DIGIT.search(text) is not None
    dash_four = dash and _DASH_FOUR.search(text) is not None
    patterns = []
    if dash_four or "+" in text:
        patterns.append(PHONE)
    if dash_four or _DIGIT_LETTER.search(text, at):
        patterns.append(CODE_LIKE)
    if dash:
        patterns.append(MODEL_CODE)
        patterns.append(VARIANT_CODE)
    if "G" in text:
        patterns.append(_GENERATION)
    if "FY" in text or "Q-" in text or "H-" in text:
        patterns.append(PERIOD_LABEL)
    if words is None or not words.isdisjoint(_PERIOD_PARTS):
        patterns.append(YEARLESS_PERIOD)
    for pattern in patterns:
        for m in pattern.finditer(text):
            blocked.add(m.start(), m.end())
    if dash:
        for m in _NUMBERED_VARIANT.finditer(text):
            if _is_a_numbered_model(text, m):
                blocked.add(m.start(), m.end())
    return blocked


def extract(text: str, published: dt.date | None = None) -> list[Figure]:
    """Figures in text, sorted by start and non-overlapping; dates resolved against published."""
    if isinstance(published, dt.datetime):
        published = published.date()
    first_digit = _DIGIT.search(text)
    at = len(text) if first_digit is None else first_digit.start()
    words = words_of(text)
    blocked = _blocked(text, at, words)
    dates = [c for c in find_dates(text, published, words, at) if not blocked.hits(c.start, c.end)]
    for c in dates:
        blocked.add(c.start, c.end)
    atoms = _atoms(text, blocked, words, at)
    nums = [_atom_figure(text, a) for a in atoms]
    for c in nums:
        _qualify(text, c)
    nums = _ranges(text, atoms, nums)
    nums = _ratios(text, nums)
    _members_of_groups(text, nums)
    nums = _comparative_ranges(text, nums)
    cands = [_from_date(d) for d in dates]
    for d in cands:
        if d.kind in ("date", "range", "duration") and d.granularity != "time":
            approx, s = _approx_before(text, d.start)
            if approx in ("approx",) and text[s:d.start].strip().lower() in ("around", "about", "circa", "approximately", "roughly"):
                d.approx, d.start = approx, s
    cands = _anchor_durations(text, nums, cands)
    cands += nums
    cands.sort(key=lambda c: (-(c.end - c.start) - c.priority * 0.01, c.start))
    chosen: list[Cand] = []
    taken = Coverage(len(text))
    for c in cands:
        if c.end <= c.start or taken.hits(c.start, c.end):
            continue
        chosen.append(c)
        taken.add(c.start, c.end)
    chosen.sort(key=lambda c: c.start)
    return [
        Figure(
            start=c.start, end=c.end, text=text[c.start:c.end], kind=c.kind, value=c.value, low=c.low, high=c.high,
            unit=c.unit, counted=c.counted, approx=c.approx, resolved=c.resolved, resolved_end=c.resolved_end,
            granularity=c.granularity, relative=c.relative,
        )
        for c in chosen
    ]
