"""Currencies, units of measure and units of time."""

from __future__ import annotations

import re

CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "u.s. $": "USD", "u.s $": "USD", "us $": "USD", "usd$": "USD",
    "c$": "CAD", "c $": "CAD", "cad$": "CAD", "ca$": "CAD", "a$": "AUD", "aud$": "AUD",
    "au$": "AUD", "nz$": "NZD", "nzd$": "NZD", "hk$": "HKD", "hk $": "HKD", "mex$": "MXN",
    "mxn$": "MXN", "s$": "SGD", "r$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "元": "CNY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY", "₪": "ILS",
    "₦": "NGN", "₱": "PHP", "₫": "VND", "₿": "BTC", "₡": "CRC", "₾": "GEL", "₭": "LAK",
    "₸": "KZT", "zł": "PLN", "ரூ": "LKR", "kr": "SEK", "rs.": "INR", "rs": "INR", "fr.": "CHF",
}
CURRENCY_CODES = (
    "USD EUR GBP JPY CNY RMB INR RUB UAH CHF CAD AUD NZD HKD SGD SEK NOK DKK PLN CZK HUF "
    "TRY ILS BRL MXN ZAR KRW TWD THB IDR MYR PHP VND NGN EGP SAR AED QAR KZT GEL BYN BTC"
).split()
CURRENCY_NAMES: dict[str, str] = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "american dollars": "USD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "australian dollars": "AUD", "australian dollar": "AUD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "dollars": "USD", "dollar": "USD",
    "bucks": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pound sterling": "GBP",
    "sterling": "GBP", "british pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "chinese yuan": "CNY", "rmb": "CNY", "kuai": "CNY", "rupees": "INR", "rupee": "INR",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "hryvnias": "UAH",
    "hryvnia": "UAH", "hryvnas": "UAH", "hryvnya": "UAH", "swiss francs": "CHF", "swiss franc": "CHF",
    "francs": "FRF", "franc": "FRF", "pesetas": "ESP", "peseta": "ESP", "marks": "DEM",
    "deutsche marks": "DEM", "finnish markka": "FIM", "markka": "FIM", "dutch guilders": "NLG",
    "guilders": "NLG", "lira": "TRY", "turkish lira": "TRY", "liras": "TRY", "pesos": "MXN",
    "peso": "MXN", "won": "KRW", "zloty": "PLN", "zlotys": "PLN", "forints": "HUF", "forint": "HUF",
    "shekels": "ILS", "shekel": "ILS", "rand": "ZAR", "reais": "BRL", "real": "BRL", "dinars": "DIN",
    "dirhams": "AED", "riyals": "SAR", "kroner": "NOK", "kronor": "SEK", "krona": "SEK",
    "bitcoins": "BTC", "bitcoin": "BTC", "btc": "BTC", "satoshis": "SAT", "satoshi": "SAT",
    "tenge": "KZT", "lari": "GEL", "manat": "AZN",
    "cents": "cent", "cent": "cent", "pence": "penny", "penny": "penny", "pennies": "penny",
    "dimes": "dime", "dime": "dime", "nickels": "nickel",
}

# Ukrainian and Russian currency words in the forms a number takes before them; an abbreviation's point is left to
# the sentence, which it may end ("1,2 млрд грн.").
CYRILLIC_CURRENCY_NAMES: dict[str, str] = {
    **dict.fromkeys("долар долари доларів долара доллар доллары долларов доллара дол долл".split(), "USD"),
    **dict.fromkeys("євро евро".split(), "EUR"),
    **dict.fromkeys("гривня гривні гривень гривна гривны гривен грн".split(), "UAH"),
    **dict.fromkeys("рубль рублі рублів рубля рублей рубли руб".split(), "RUB"),
}

UNITS: dict[str, str] = {}


def _add(unit: str, *names: str) -> None:
    for n in names:
        UNITS[n] = unit


_add("km", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "klicks")
_add("m", "m", "metre", "metres", "meter", "meters")
_add("cm", "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("mm", "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("nm", "nm", "nanometre", "nanometres", "nanometer", "nanometers")
_add("µm", "µm", "μm", "micron", "microns", "micrometre", "micrometres", "micrometer", "micrometers")
_add("dm", "dm", "decimetre", "decimetres", "decimeter", "decimeters")
_add("pm", "picometre", "picometres", "picometer", "picometers")
_add("mi", "mi", "mile", "miles")
_add("nmi", "nautical mile", "nautical miles", "nmi")
_add("ft", "ft", "foot", "feet")
_add("in", "in", "inch", "inches", '"', "″")
_add("yd", "yd", "yds", "yard", "yards")
_add("km²", "km2", "km²", "km^2", "sq km", "square kilometre", "square kilometres", "square kilometer", "square kilometers")
_add("m²", "m2", "m²", "m^2", "sq m", "square metre", "square metres", "square meter", "square meters")
_add("mi²", "sq mi", "square mile", "square miles", "mi2", "mi²")
_add("ft²", "sq ft", "square foot", "square feet", "ft2", "ft²")
_add("km³", "km3", "km³", "km^3", "cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers")
_add("m³", "m3", "m³", "cubic metre", "cubic metres", "cubic meter", "cubic meters")
_add("ft³", "cubic foot", "cubic feet", "cu ft")
_add("ha", "ha", "hectare", "hectares")
_add("acre", "acre", "acres")
_add("l", "l", "L", "litre", "litres", "liter", "liters", "ltr")
_add("ml", "ml", "mL", "millilitre", "millilitres", "milliliter", "milliliters")
_add("cl", "cl", "centilitre", "centilitres", "centiliter", "centiliters")
_add("gal", "gal", "gallon", "gallons")
_add("bbl", "bbl", "barrel", "barrels")
_add("cup", "cup", "cups")
_add("tbsp", "tbsp", "tablespoon", "tablespoons")
_add("tsp", "tsp", "teaspoon", "teaspoons")
_add("oz", "oz", "ounce", "ounces")
_add("kg", "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
_add("g", "g", "gram", "grams", "gramme", "grammes", "gr")
_add("mg", "mg", "milligram", "milligrams", "milligramme", "milligrammes")
_add("µg", "µg", "μg", "mcg", "microgram", "micrograms", "microgramme", "microgrammes")
_add("tonne", "t", "tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes", "ton", "tons")
_add("lb", "lb", "lbs", "pound", "pounds")
_add("st", "stone")
_add("°C", "°C", "° C", "ºC", "° celsius", "°celsius", "° centigrade", "degrees celsius", "degree celsius", "degrees centigrade", "celsius",
     "celcius", "centigrade", "centigrate", "deg celsius", "deg c", "degrees c", "degree c", "C")
_add("°F", "°F", "° F", "ºF", "° fahrenheit", "°fahrenheit", "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "farenheit",
     "degrees farenheit", "deg fahrenheit", "deg f", "degrees f", "degree f", "F")
_add("K", "kelvin", "kelvins", "K")
_add("°", "°", "degrees", "degree", "deg.", "deg")
_add("rad", "rad", "radian", "radians")
_add("turn", "turn", "turns")
_add("km/h", "km/h", "km/hr", "kph", "kmph", "kmh", "kilometres per hour", "kilometers per hour",
     "kilometres an hour", "kilometers an hour", "km an hour", "km per hour")
_add("mph", "mph", "miles per hour", "miles an hour", "mile per hour")
_add("m/s", "m/s", "metres per second", "meters per second")
_add("kn", "knots", "knot", "kt", "kts")
_add("bit", "bit", "bits")
_add("B", "byte", "bytes")
_add("kB", "kb", "kB", "KB", "kilobyte", "kilobytes")
_add("MB", "MB", "megabyte", "megabytes")
_add("Mb", "mb", "Mb", "megabit", "megabits")
_add("GB", "GB", "gb", "gigabyte", "gigabytes")
_add("Gb", "Gb", "gigabit", "gigabits")
_add("TB", "TB", "tb", "terabyte", "terabytes")
_add("PB", "PB", "petabyte", "petabytes")
_add("EB", "EB", "exabyte", "exabytes")
_add("Mbps", "Mbps", "Mbit/s", "Gbps", "kbps")
_add("Hz", "Hz", "hertz")
_add("kHz", "kHz", "kilohertz")
_add("MHz", "MHz", "megahertz")
_add("GHz", "GHz", "gigahertz")
_add("W", "W", "watt", "watts")
_add("kW", "kW", "kilowatt", "kilowatts")
_add("MW", "MW", "megawatt", "megawatts")
_add("GW", "GW", "gigawatt", "gigawatts")
_add("Wh", "Wh", "watt hour", "watt hours", "watt-hour", "watt-hours")
_add("kWh", "kWh", "kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours")
_add("MWh", "MWh", "megawatt hour", "megawatt hours", "megawatt-hour", "megawatt-hours")
_add("GWh", "GWh", "gigawatt hour", "gigawatt hours", "gigawatt-hours", "TWh")
_add("V", "V", "volt", "volts", "kV", "kilovolts")
_add("A", "amp", "amps", "ampere", "amperes")
_add("eV", "eV", "electronvolt", "electronvolts", "keV", "MeV", "GeV", "TeV")
_add("J", "J", "joule", "joules", "kJ", "MJ", "GJ")
_add("cal", "calorie", "calories", "kcal", "cal")
_add("BTU", "BTU", "btu", "British thermal units", "British thermal unit")
_add("Pa", "Pa", "pascal", "pascals", "kPa", "hPa", "MPa", "bar", "bars", "psi", "atm")
_add("Gy", "Gy", "mGy", "gray", "Sv", "mSv", "sievert", "sieverts", "millisieverts")
_add("dB", "dB", "decibel", "decibels")
_add("hp", "hp", "horsepower")
_add("mAh", "mAh")
_add("cc", "cc")
_add("px", "pixels", "px", "megapixels", "MP")

TIME_UNITS: dict[str, str] = {
    "second": "S", "seconds": "S", "sec": "S", "secs": "S", "s": "S",
    "minute": "M", "minutes": "M", "min": "M", "mins": "M",
    "hour": "H", "hours": "H", "hr": "H", "hrs": "H", "h": "H",
    "day": "D", "days": "D", "night": "D", "nights": "D",
    "week": "W", "weeks": "W", "wk": "W", "wks": "W",
    "fortnight": "F", "fortnights": "F",
    "month": "M_", "months": "M_", "mo": "M_", "mos": "M_",
    "year": "Y", "years": "Y", "yr": "Y", "yrs": "Y",
    "decade": "DEC", "decades": "DEC", "century": "CEN", "centuries": "CEN",
    "millennium": "MIL", "millennia": "MIL",
}


def iso_duration(n: float, letter: str) -> str:
    num = f"{n:g}"
    if letter in ("S", "M", "H"):
        return f"PT{num}{letter}"
    if letter == "M_":
        return f"P{num}M"
    if letter == "F":
        return f"P{n * 14:g}D"
    if letter == "DEC":
        return f"P{n * 10:g}Y"
    if letter == "CEN":
        return f"P{n * 100:g}Y"
    if letter == "MIL":
        return f"P{n * 1000:g}Y"
    return f"P{num}{letter}"


_SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "W": 604800, "Y": 31536000}


def duration_seconds(iso: str) -> float | None:
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", iso)
    if not m:
        return None
    y, mo, w, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return y * 31536000 + mo * 2592000 + w * 604800 + d * 86400 + h * 3600 + mi * 60 + s


def _alt(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


def _alt_by_first(words: list[str]) -> str:
    """_alt(words), its alternatives gathered by first letter behind a lookahead for it, in the same order.

    Under re.I the engine tries every alternative in turn; this way it tries only those that can start with the
    character at hand, which are the ones that could match there, and in the same order.
    """
    ordered = sorted(words, key=lambda w: len(re.escape(w)), reverse=True)
    groups: dict[str, list[str]] = {}
    for w in ordered:
        key = next((k for k in groups if re.fullmatch(re.escape(k[0]), w[0], re.I)), w[0])
        groups.setdefault(key, []).append(w)
    parts = []
    for members in groups.values():
        firsts = "".join(sorted({re.escape(w[0]) for w in members}))
        parts.append("(?=[%s])(?:%s)" % (firsts, "|".join(map(re.escape, members))))
    return "|".join(parts)


_UNIT_NAMES = [k for k in UNITS if k not in ('"', "″")]
UNIT_AFTER = re.compile(
    r"(?:\s*-\s*|\s?)(?:\(|\[|\{|<)?(%s)(?:\)|\]|\}|>)?(?:(?:\s*/\s*|\s+per\s+|\s+an?\s+)(%s|hour|hr|h|second|sec|s|minute|min|day|year|week|month|ms|millisecond))?(?![\w°/])"
    % (_alt_by_first(_UNIT_NAMES), _alt(_UNIT_NAMES)),
    re.I,
)
INCH_AFTER = re.compile(r'\s?(["″])(?!\w)')
CURRENCY_NAME_AFTER = re.compile(
    r"(?:\s*+-\s*+|\s++)(%s|pounds?)(?![\w])" % _alt(CURRENCY_NAMES), re.I
)
CYRILLIC_CURRENCY_AFTER = re.compile(
    r"\s++(%s)(?!\w)(?:\s+США(?!\w))?" % _alt(CYRILLIC_CURRENCY_NAMES), re.I
)
# Ukrainian and Russian time units in the forms a number takes before them ("5 років", "3 дні", "48 часов");
# "року", "года" after a year ("з 2022 року") name the year, and `_cyrillic_duration` leaves those.
CYRILLIC_TIME_UNITS: dict[str, str] = {
    **dict.fromkeys("рік роки років року год года лет".split(), "Y"),
    **dict.fromkeys("місяць місяці місяців місяця месяц месяца месяцев".split(), "M_"),
    **dict.fromkeys("тиждень тижні тижнів тижня неделя недели недель неделю".split(), "W"),
    **dict.fromkeys("день дні днів дня доба доби діб сутки суток дней".split(), "D"),
    **dict.fromkeys("година години годин годину час часа часов".split(), "H"),
    **dict.fromkeys("хвилина хвилини хвилин хвилину минута минуты минут минуту".split(), "M"),
    **dict.fromkeys("секунда секунди секунд секунду секунды".split(), "S"),
}
CYRILLIC_TIME_UNIT_AFTER = re.compile(r"\s++(%s)(?!\w)" % _alt(CYRILLIC_TIME_UNITS), re.I)
CURRENCY_CODE_AFTER = re.compile(r"\s?(?:M|m)?(%s)\b" % "|".join(CURRENCY_CODES))
_SYMBOLS_BEFORE = [k for k in CURRENCY_SYMBOLS if not k[0].isalpha() or "$" in k or k in ("rs.", "rs", "kr", "fr.")]
CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w$])(%s)\s?|(?<![\w])(%s)\s?)$" % (
        _alt(_SYMBOLS_BEFORE),
        "|".join(CURRENCY_CODES) + "|M(?:USD|EUR|GBP|AUD)",
    ),
    re.I,
)
# A match of CURRENCY_BEFORE ends with one of these, then at most one space and a final newline.
_BEFORE_ENDS = tuple(s.lower() for s in _SYMBOLS_BEFORE) + tuple(c.lower() for c in CURRENCY_CODES)


def currency_before(before: str) -> re.Match[str] | None:
    """CURRENCY_BEFORE.search(before), without the search when before cannot end with a currency."""
    if before.isascii():
        low = before.lower()
        end = len(low) - 1 if low.endswith("\n") else len(low)
        if not (low.endswith(_BEFORE_ENDS, 0, end) or (end > 0 and low[end - 1].isspace() and low.endswith(_BEFORE_ENDS, 0, end - 1))):
            return None
    return CURRENCY_BEFORE.search(before)


TIME_UNIT_AFTER = re.compile(
    r"(?:\s*-\s*|\s?)(%s)(?![\w])" % _alt(TIME_UNITS), re.I
)
PERCENT_AFTER = re.compile(
    r"\s?(percentage\s+points?|(?:%|percent)\s+points?|%|per\s?cent(?:s|age)?|pct\b|pp\b)(?![\w])", re.I
)
