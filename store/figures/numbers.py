"""Numbers written in digits or in words, with multipliers and fractions."""

from __future__ import annotations

import re

SMALL: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7, "dozen": 12,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "nineth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1_000_000, "billionth": 10**9, "trillionth": 10**12,
}
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12, "twentieth": 20,
    "twentieths": 20, "thirtieth": 30, "thirtieths": 30, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000, "millionth": 10**6, "millionths": 10**6,
    "billionth": 10**9, "billionths": 10**9, "trillionth": 10**12, "trillionths": 10**12,
}
VULGAR: dict[str, float] = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
    "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}
SUFFIX_MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mil": 1e6, "mn": 1e6, "m": 1e6,
    "B": 1e9, "b": 1e9, "bn": 1e9, "bln": 1e9, "G": 1e9, "T": 1e12, "tn": 1e12, "tln": 1e12,
}

_CARDINAL_WORDS = set(SMALL) | set(TENS) | set(SCALES) | {s + "s" for s in SCALES}
_NUMBER_WORDS = _CARDINAL_WORDS | set(DENOMINATORS)


def _alt(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


_AFTER_A = set(SCALES) | set(DENOMINATORS)
_ALONE = _CARDINAL_WORDS | {"half", "quarter"}
WORD_START = re.compile(
    r"(?<![\w-])(?:(?:minus|negative)\s+)?(?:(?:a|an)\s+(?=(?:%s)\b)|(?=(?:%s)\b))"
    % (_alt(_AFTER_A), _alt(_ALONE)),
    re.I,
)
# WORD_START matches only at one of these, standing as a whole word: a number word, or a prefix of one
# ("a"/"an" only before a word of AFTER_A).
START_WORDS = frozenset(_AFTER_A | _ALONE)
AFTER_A = frozenset(_AFTER_A)
START_PREFIXES = ("minus", "negative")
_NEXT_WORD = re.compile(r"(\s*-\s*|\s+|\s*,\s*|\s*&\s*)([A-Za-z]+)")

DIGITS = re.compile(
    r"(?<![\w.])(?:(?<![\d\-–])(?<!\d\s)[-−](?=\d)|(?<![\w\-–])(?<!\d\s)[-−]\s(?=\d))?"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?![\d,]\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[eE][+-]?\d+|\s?[x×]\s?10\^?[-−+]?\d+|\^[-+]?\d+)?(?![\d])"
)
MIXED_FRACTION = re.compile(r"\s+(\d{1,2})\s?/\s?(\d{1,3})(?![\d/])|\s?([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
SIMPLE_FRACTION = re.compile(r"(?<![\w/.])(-?\d{1,3})/(\d{1,3})(?![\d/]|\.\d)|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
# Ukrainian and Russian scale words, whole and abbreviated ("200 тисяч", "2,5 мільйона", "1,2 млрд"): news in those
# languages writes a decimal comma before them.
CYRILLIC_SCALES: dict[str, float] = {
    **dict.fromkeys("тис тисяч тисячі тисяча тисяч тыс тысяч тысячи тысяча".split(), 1e3),
    **dict.fromkeys("млн мільйон мільйона мільйонів мільйони миллион миллиона миллионов миллионы".split(), 1e6),
    **dict.fromkeys("млрд мільярд мільярда мільярдів мільярди миллиард миллиарда миллиардов миллиарды".split(), 1e9),
}
CYRILLIC_SCALED = re.compile(
    r"(?<![\w.,])(?P<n>\d+)(?:[,.](?P<frac>\d+))?\s*(?P<scale>%s)(?!\w)"
    % "|".join(sorted(CYRILLIC_SCALES, key=len, reverse=True)),
    re.I,
)
# An abbreviation's point belongs to the number when the sentence goes on after it: "1,2 тыс. пленных".
CYRILLIC_ABBREVIATIONS = frozenset("тис тыс млн млрд".split())
ABBREVIATION_POINT = re.compile(r"\.(?=\s+[а-яёіїєґ])")

MULTIPLIER = re.compile(
    r"(?:\s*+(?:-\s*+)?(hundred|thousand|million|billion|trillion|lakh|crore)s?"
    r"|\s?(mn|bn|bln|tn|tln|mil)|(MM|[kKMBGTb])|\s(k|K|bn|G|M))(?![\w])"
)
DOZEN_AFTER = re.compile(r"\s*(dozens?|dzs?|dozs?)\b", re.I)


_TIMES_TEN = re.compile(r"\s?[x×]\s?10\^?([-−+]?\d+)$")


def parse_digits(raw: str) -> float | None:
    s = raw.replace("−", "-").replace("\u202f", "").replace("\u00a0", "")
    neg = s.startswith("-")
    s = s.lstrip("- ")
    power = None
    m = _TIMES_TEN.search(s)
    mult = 1.0
    if m:
        mult = 10.0 ** int(m.group(1).replace("−", "-"))
        s = s[: m.start()]
    elif "^" in s:
        base, _, exp = s.partition("^")
        s, power = base, float(exp)
    s = s.replace(",", "")
    if " " in s:
        s = s.replace(" ", "")
    try:
        v = float(s) * mult
    except ValueError:
        return None
    if power is not None:
        v = v ** power
    return -v if neg else v


def parse_words(tokens: list[str]) -> float | None:
    """Value of a run of number words (lower case, 'and'/'a'/'point' allowed)."""
    total = 0.0
    cur = 0.0
    mark = (0.0, 0.0)
    mark_scale = 1.0
    last_scale = 1.0
    seen = False
    decimals: list[str] | None = None
    prev = ""
    for tok in tokens:
        before, prev = prev, tok
        if decimals is not None:
            if tok in SMALL:
                decimals.append(str(SMALL[tok]))
            elif tok in TENS:
                decimals.append(str(TENS[tok])[0])
            else:
                return None
            continue
        if tok == "point":
            decimals = []
            continue
        if tok in ("a", "an"):
            if cur == 0:
                cur = 1.0
                seen = True
            continue
        if tok in ("and", "&"):
            mark = (total, cur)
            mark_scale = last_scale if cur == 0 else 1.0
            continue
        if tok in SMALL:
            cur += SMALL[tok]
            seen = True
        elif tok in TENS:
            if before not in ("and", "&") and cur and cur % 100 < 10 and cur < 10:
                return None
            cur += TENS[tok]
            seen = True
        elif tok.rstrip("s") in SCALES or tok in SCALES:
            scale = SCALES.get(tok, SCALES.get(tok.rstrip("s"), 1))
            last_scale = scale
            if scale < 1000:
                cur = (cur or 1.0) * scale
            else:
                total += (cur or 1.0) * scale
                cur = 0.0
            seen = True
        elif tok in DENOMINATORS:
            numer = (total + cur) - (mark[0] + mark[1])
            if numer == 0:
                numer = 1.0
            total, cur = mark[0], mark[1] + numer / DENOMINATORS[tok] * (mark_scale if mark_scale >= 1000 else 1.0)
            mark_scale = 1.0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + cur
    if decimals:
        value = float(f"{int(value)}.{''.join(decimals)}")
    return value


def scan_words(text: str, pos: int) -> tuple[int, float, bool] | None:
    """Longest run of number words starting at pos: (end, value, ends_with_ordinal)."""
    m = re.match(r"(?:(minus|negative)\s+)?([A-Za-z]+)", text[pos:pos + 40])
    if not m:
        return None
    negative = m.group(1) is not None
    first = m.group(2).lower()
    tokens = [first]
    ends = [pos + m.end()]
    if first in ("a", "an"):
        pass
    elif first not in _NUMBER_WORDS:
        return None
    end = ends[0]
    while True:
        nm = _NEXT_WORD.match(text, end)
        if not nm:
            break
        sep, word = nm.group(1), nm.group(2).lower()
        if "," in sep and word not in SMALL and word not in TENS:
            break
        prev = tokens[-1]
        if word in ("and", "&"):
            after = _NEXT_WORD.match(text, nm.end()) or re.match(r"(\s+)([A-Za-z]+)", text[nm.end():nm.end() + 30])
            nxt = after.group(2).lower() if after else ""
            if prev.rstrip("s") in SCALES or prev in SCALES:
                if nxt in _CARDINAL_WORDS or nxt in ("a", "an") or nxt in DENOMINATORS:
                    tokens.append("and")
                    end = nm.end()
                    continue
            if nxt in ("a", "an", "one"):
                after2 = re.match(r"\s+\w+\s+([A-Za-z]+)", text[nm.end():nm.end() + 40])
                if after2 and after2.group(1).lower() in DENOMINATORS:
                    tokens.append("and")
                    end = nm.end()
                    continue
            if nxt in SMALL or nxt in TENS:
                rest = re.match(r"\s+[A-Za-z]+(?:[\s-]+([A-Za-z]+))?(?:[\s-]+([A-Za-z]+))?", text[nm.end():nm.end() + 60])
                if rest and any(g and g.lower() in DENOMINATORS and g.lower() not in ("second",) for g in rest.groups()):
                    if prev in SMALL or prev in TENS:
                        tokens.append("and")
                        end = nm.end()
                        continue
            break
        if word in ("a", "an"):
            after = re.match(r"\s+([A-Za-z]+)", text[nm.end():nm.end() + 20])
            if after and (after.group(1).lower() in SCALES or after.group(1).lower() in DENOMINATORS):
                tokens.append(word)
                end = nm.end()
                continue
            break
        if word == "point" and (prev in SMALL or prev in TENS or prev in SCALES):
            after = re.match(r"\s+([A-Za-z]+)", text[nm.end():nm.end() + 20])
            if after and (after.group(1).lower() in SMALL or after.group(1).lower() in TENS):
                tokens.append("point")
                end = nm.end()
                continue
            break
        if word in _CARDINAL_WORDS:
            if prev in SMALL and (word in SMALL or word in TENS) and "point" not in tokens:
                break
            if prev in TENS and word in TENS and "point" not in tokens:
                break
            if prev in TENS and word in SMALL and SMALL[word] >= 10 and "point" not in tokens:
                break
            if prev in DENOMINATORS and word not in SCALES:
                break
            tokens.append(word)
            end = nm.end()
            continue
        if word in DENOMINATORS and prev not in DENOMINATORS:
            if word in ("second",):
                break
            tokens.append(word)
            end = nm.end()
            continue
        if word in ORDINALS and (prev in TENS or prev in SCALES):
            tokens.append(word)
            end = nm.end()
            break
        break
    ordinal = False
    last = tokens[-1]
    if last in ORDINALS and (len(tokens) == 1 or tokens[-2] in TENS or tokens[-2] in SCALES or tokens[-2] == "and"):
        if len(tokens) == 1 or tokens[-2] in TENS or (tokens[-2] in SCALES and last not in DENOMINATORS):
            ordinal = True
    if ordinal:
        base = parse_words(tokens[:-1]) if len(tokens) > 1 else 0.0
        if base is None:
            return None
        o = ORDINALS[last]
        if o >= 100 and base:
            value = base * o
        else:
            value = base + o
        return end, (-value if negative else value), True
    while tokens and tokens[-1] in ("and", "a", "an", "point"):
        tokens.pop()
    if not tokens:
        return None
    value = parse_words(tokens)
    if value is None:
        return None
    return end, (-value if negative else value), False
